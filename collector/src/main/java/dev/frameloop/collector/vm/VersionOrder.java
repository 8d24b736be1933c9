package dev.frameloop.collector.vm;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders kernel release names so that numbers compare as numbers: {@code 7.10.1} after {@code 7.2.13},
 * {@code 7.2.13+deb14} after {@code 7.2.9+deb14}. Text runs compare as text.
 */
final class VersionOrder implements Comparator<String> {
    static final VersionOrder INSTANCE = new VersionOrder();
    private static final Pattern RUN = Pattern.compile("\\d+|\\D+");

    private VersionOrder() {
    }

    @Override
    public int compare(String a, String b) {
        Matcher ma = RUN.matcher(a);
        Matcher mb = RUN.matcher(b);
        while (ma.find()) {
            if (!mb.find()) {
                return 1;
            }
            String ra = ma.group();
            String rb = mb.group();
            boolean na = Character.isDigit(ra.charAt(0));
            boolean nb = Character.isDigit(rb.charAt(0));
            int c;
            if (na && nb) {
                c = new BigInteger(ra).compareTo(new BigInteger(rb));
            } else if (na != nb) {
                c = na ? 1 : -1;
            } else {
                c = ra.compareTo(rb);
            }
            if (c != 0) {
                return c;
            }
        }
        return mb.find() ? -1 : 0;
    }
}
