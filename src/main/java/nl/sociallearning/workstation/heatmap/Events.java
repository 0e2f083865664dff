package nl.sociallearning.workstation.heatmap;

import java.util.Arrays;

/**
 * Events as columns of plain arrays, not objects: who (the participant's row in {@link CourseActivity}), when
 * (seconds since the epoch) and the module (its column, or -1 when the thread has none or is unknown). A
 * hundred thousand posts take a few megabytes and bin in a millisecond or two.
 */
public final class Events {

    private int size;
    private int[] who;
    private long[] at;
    private int[] module;

    public Events(int capacity) {
        int c = Math.max(16, capacity);
        who = new int[c];
        at = new long[c];
        module = new int[c];
    }

    public void add(int participant, long epochSecond, int moduleIndex) {
        if (size == who.length) {
            int c = size * 2;
            who = Arrays.copyOf(who, c);
            at = Arrays.copyOf(at, c);
            module = Arrays.copyOf(module, c);
        }
        who[size] = participant;
        at[size] = epochSecond;
        module[size] = moduleIndex;
        size++;
    }

    public int size() { return size; }

    public int who(int i) { return who[i]; }

    public long at(int i) { return at[i]; }

    public int module(int i) { return module[i]; }

    /** The earliest and latest time, or null when there are no events. */
    public long[] span() {
        if (size == 0) {
            return null;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            min = Math.min(min, at[i]);
            max = Math.max(max, at[i]);
        }
        return new long[] {min, max};
    }

    /** The earliest and latest time within [lo, hi], or null when there is none. */
    public long[] span(long lo, long hi) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            if (at[i] >= lo && at[i] <= hi) {
                min = Math.min(min, at[i]);
                max = Math.max(max, at[i]);
            }
        }
        return min == Long.MAX_VALUE ? null : new long[] {min, max};
    }

    public boolean anyWithoutModule() {
        for (int i = 0; i < size; i++) {
            if (module[i] < 0) {
                return true;
            }
        }
        return false;
    }
}
