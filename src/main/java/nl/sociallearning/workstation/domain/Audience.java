package nl.sociallearning.workstation.domain;

/** Who a course is for; employer courses get privacy-safe defaults in reports. */
public enum Audience {
    EMPLOYER, EDUCATION, NETWORK
}
