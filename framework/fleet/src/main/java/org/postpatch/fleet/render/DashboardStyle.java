package org.postpatch.fleet.render;

/** The dashboard's style sheet, inlined in the page: nothing is loaded from anywhere else. */
final class DashboardStyle {

    private DashboardStyle() {
    }

    static final String CSS = """
            :root { --ok: #1f7a3a; --failing: #b3261e; --unverified: #9a6700; --rolledback: #5b4b8a; --muted: #5f6368; }
            * { box-sizing: border-box; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1f2328; background: #f6f8fa; }
            header { background: #1f2328; color: #fff; padding: 12px 24px; display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: baseline; }
            header h1 { font-size: 18px; margin: 0; }
            header .period, header .period a { color: #d0d7de; }
            header form { margin-left: auto; display: flex; gap: 6px; }
            header input { padding: 3px 6px; }
            main { padding: 16px 24px; max-width: 1400px; }
            h2 { font-size: 16px; margin: 24px 0 8px; }
            .notice { background: #fff8c5; border: 1px solid #d4a72c; padding: 8px 12px; border-radius: 6px; }
            .counts { display: flex; gap: 8px; flex-wrap: wrap; }
            .count { padding: 4px 10px; border-radius: 12px; color: #fff; font-weight: 600; }
            .matrix { border-collapse: collapse; }
            .matrix th { text-align: left; padding: 4px 12px 4px 0; font-weight: 600; white-space: nowrap; vertical-align: top; }
            .matrix td { padding: 2px 0; }
            .cells { display: flex; flex-wrap: wrap; gap: 4px; }
            .cell { display: inline-block; min-width: 120px; padding: 4px 8px; border-radius: 4px; color: #fff; text-decoration: none; }
            .cell small { display: block; opacity: .9; font-size: 11px; }
            a.cell:hover { outline: 2px solid #1f2328; }
            .OK { background: var(--ok); } .FAILING { background: var(--failing); }
            .UNVERIFIED { background: var(--unverified); } .ROLLED_BACK { background: var(--rolledback); }
            .change { background: #fff; border: 1px solid #d0d7de; border-left: 6px solid var(--muted); border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
            .change.LIKELY_CAUSE { border-left-color: var(--failing); } .change.NODE_LOCAL, .change.INCONCLUSIVE { border-left-color: var(--unverified); }
            .change.VERIFIED { border-left-color: var(--ok); } .change.UNVERIFIED { border-left-color: var(--unverified); }
            .change h3 { font-size: 14px; margin: 0; font-family: ui-monospace, monospace; }
            .change .items, .muted { color: var(--muted); font-size: 12px; }
            .attribution { font-weight: 600; margin: 4px 0; }
            table.data { border-collapse: collapse; background: #fff; }
            table.data th, table.data td { border: 1px solid #d0d7de; padding: 3px 8px; text-align: right; white-space: nowrap; }
            table.data th:first-child, table.data td:first-child, table.data td.name { text-align: left; }
            footer { color: var(--muted); font-size: 12px; padding: 16px 24px; }
            """;
}
