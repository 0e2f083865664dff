package nl.sociallearning.workstation.assessment.flow;

/** The result of a work process or of the whole assessment. */
public enum Outcome { PASSED, FAILED, INCOMPLETE }
