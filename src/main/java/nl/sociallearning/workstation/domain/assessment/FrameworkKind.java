package nl.sociallearning.workstation.domain.assessment;

/** What a framework's three levels stand for; only the words shown differ. */
public enum FrameworkKind { QUALIFICATION, EPA, RUBRIC }
