package nl.sociallearning.workstation.domain.assessment;

/** The student assessed: a student number and a name. */
public record Student(String number, String name) { }
