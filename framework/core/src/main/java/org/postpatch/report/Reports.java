package org.postpatch.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The report formats, by name: the one list that {@code --report} and the status endpoint read. */
public final class Reports {

    public static final Report JSON = new JsonReport();
    public static final Report JUNIT = new JunitXmlReport();
    public static final Report HTML = new HtmlReport();
    public static final Report PROMETHEUS = new PrometheusReport();

    private static final List<Report> ALL = List.of(JSON, JUNIT, HTML, PROMETHEUS);

    /** Other names operators use for a format. */
    private static final Map<String, Report> ALIASES = Map.of("xml", JUNIT, "junit-xml", JUNIT, "metrics", PROMETHEUS);

    private Reports() {
    }

    /** Every format, in the order they are listed to operators. */
    public static List<Report> all() {
        return ALL;
    }

    /** The format with this name or alias, in any case. */
    public static Optional<Report> named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(report -> report.name().equals(wanted)).findFirst()
                .or(() -> Optional.ofNullable(ALIASES.get(wanted)));
    }

    /** The formats' names for a message: "json, junit, html or prometheus". */
    public static String names() {
        List<String> names = ALL.stream().map(Report::name).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
