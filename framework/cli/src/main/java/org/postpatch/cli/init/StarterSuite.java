package org.postpatch.cli.init;

import java.util.ArrayList;
import java.util.List;

/**
 * A starter suite, before it is written.
 *
 * @param name    the suite's name (the name its runs are recorded under)
 * @param url     the application's URL it was written from: the default of {@code ${base}}
 * @param command the command line that wrote it, for its header
 * @param sources what was found to write it from ("Actuator at /actuator: health, info")
 * @param probes  the probes, the health probe first
 * @param notes   what could not be discovered or was left out, and why
 * @param checked how the probes fared against the application when it was written ("" before the check)
 */
public record StarterSuite(String name, String url, String command, List<String> sources, List<StarterProbe> probes,
                           List<String> notes, String checked) {

    public StarterSuite {
        sources = List.copyOf(sources);
        probes = List.copyOf(probes);
        notes = List.copyOf(notes);
    }

    /** The same suite with other probes, more notes and the outcome of its check. */
    public StarterSuite checked(List<StarterProbe> others, List<String> moreNotes, String outcome) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(moreNotes);
        return new StarterSuite(name, url, command, sources, others, all, outcome);
    }

    /** The environment variable that gives {@code base} in the file: {@code ORDERS_SERVICE_URL}. */
    public String urlVariable() {
        String stem = name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        return (stem.isEmpty() || Character.isDigit(stem.charAt(0)) ? "APP_" + stem : stem) + "_URL";
    }
}
