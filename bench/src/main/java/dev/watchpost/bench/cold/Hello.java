package dev.watchpost.bench.cold;

/** The reference JVM of the cold-start table: starts, prints, exits. Reports its peak RSS like the probe. */
public final class Hello {
    private Hello() {}

    public static void main(String[] args) {
        System.out.println("hello");
        System.out.println("COLD init_ms=0 checkpoint_ms=0 event_ms=0 rss_kb=" + ColdStartProbe.peakRssKb()
                + " result=hello");
    }
}
