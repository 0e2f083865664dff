package nl.sociallearning.workstation.domain.assessment;

/**
 * An observable criterion. A critical criterion judged at the scale's lowest level fails its work process,
 * whatever the other criteria say.
 */
public record Criterion(String code, String text, boolean critical) { }
