package nl.sociallearning.workstation.domain.assessment;

/** An assessor who observed (and scores blind), or a third assessor called in when two cannot agree. */
public enum AssessorRole { ASSESSOR, THIRD }
