package nl.sociallearning.workstation.domain.assessment;

/** Formative (development, feedback) or summative (the qualifying exam). */
public enum Mode { FORMATIVE, SUMMATIVE }
