package nl.sociallearning.workstation.domain.assessment;

/** An assessor signs the judgement; the student signs that the report was seen and discussed. */
public enum SignerRole { ASSESSOR, STUDENT }
