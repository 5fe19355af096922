package dev.watchpost.bench.corpus;

import java.util.SplittableRandom;

/** Random identifiers in AWS's shapes, from the caller's seeded source. Stateless. */
final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] BASE64 =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private Ids() {}

    static String uuid(SplittableRandom random) {
        return hex(random, 8) + "-" + hex(random, 4) + "-4" + hex(random, 3) + "-" + HEX[8 + random.nextInt(4)]
                + hex(random, 3) + "-" + hex(random, 12);
    }

    static String hex(SplittableRandom random, int length) {
        return of(random, HEX, length);
    }

    static String upper(SplittableRandom random, int length) {
        return of(random, UPPER, length);
    }

    static String alnum(SplittableRandom random, int length) {
        return of(random, ALNUM, length);
    }

    static String base64(SplittableRandom random, int length) {
        return of(random, BASE64, length);
    }

    static String digits(SplittableRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private static String of(SplittableRandom random, char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
