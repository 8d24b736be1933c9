package dev.frameloop.collector.doctor;

/**
 * One line of the doctor's verdict.
 *
 * @param key    stable identifier ("fentry")
 * @param label  what is checked, for people ("fentry programs")
 * @param ok     whether frameloop has it
 * @param detail what was found
 * @param costs  what frameloop loses without it (null when ok)
 * @param fix    how to get it (null when ok)
 */
public record Finding(String key, String label, boolean ok, String detail, String costs, String fix) {

    public Finding {
        if (!ok && (costs == null || fix == null)) {
            throw new IllegalArgumentException("a missing " + key + " must say what it costs and how to fix it");
        }
    }

    static Finding ok(String key, String label, String detail) {
        return new Finding(key, label, true, detail, null, null);
    }

    static Finding missing(String key, String label, String detail, String costs, String fix) {
        return new Finding(key, label, false, detail, costs, fix);
    }
}
