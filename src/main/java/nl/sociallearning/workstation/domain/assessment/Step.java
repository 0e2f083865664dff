package nl.sociallearning.workstation.domain.assessment;

/** The six WACKER steps, in the order the method requires. */
public enum Step { WAARNEMEN, AANTEKENINGEN, CLASSIFICEREN, KWALIFICEREN, EVALUEREN, RAPPORTEREN }
