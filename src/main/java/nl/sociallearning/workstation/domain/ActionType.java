package nl.sociallearning.workstation.domain;

import java.util.Arrays;

/** The moderation actions of the Course Sync API, with their wire names and what they act on. */
public enum ActionType {
    REPLY("reply", EntityKind.POST),
    HIDE("hide", EntityKind.POST),
    UNHIDE("unhide", EntityKind.POST),
    DELETE("delete", EntityKind.POST),
    RESTORE("restore", EntityKind.POST),
    FLAG("flag", EntityKind.POST),
    APPROVE("approve", EntityKind.POST),
    REJECT("reject", EntityKind.POST),
    LOCK("lock", EntityKind.THREAD),
    UNLOCK("unlock", EntityKind.THREAD),
    PIN("pin", EntityKind.THREAD),
    UNPIN("unpin", EntityKind.THREAD),
    SET_TRIAGE("setTriage", EntityKind.THREAD),
    /** A moderator-only note on a thread (or a participant). */
    NOTE("note", EntityKind.THREAD);

    private final String wireName;
    private final EntityKind target;

    ActionType(String wireName, EntityKind target) {
        this.wireName = wireName;
        this.target = target;
    }

    public String wireName() {
        return wireName;
    }

    public EntityKind target() {
        return target;
    }

    public static ActionType fromWireName(String name) {
        return Arrays.stream(values())
                .filter(t -> t.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown action type: " + name));
    }
}
