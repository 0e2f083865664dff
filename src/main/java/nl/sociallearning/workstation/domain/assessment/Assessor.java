package nl.sociallearning.workstation.domain.assessment;

/** An assessor of one assessment: a stable id (the key of their records), a name and a role. */
public record Assessor(String id, String name, AssessorRole role) { }
