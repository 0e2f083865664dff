package nl.sociallearning.workstation.domain.assessment;

/** Where the observation takes place. */
public enum Setting { WORK_PLACEMENT, EXAM, SIMULATION }
