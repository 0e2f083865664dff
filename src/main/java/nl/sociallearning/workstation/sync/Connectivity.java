package nl.sociallearning.workstation.sync;

/** Whether the server can be reached, as the last request found. */
public enum Connectivity {
    CONNECTING, ONLINE, OFFLINE
}
