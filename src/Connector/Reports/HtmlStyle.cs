namespace Sdv.Connector.Reports;

/// <summary>The report's inline style sheet: system fonts only, so nothing is fetched.</summary>
internal static class HtmlStyle
{
    public const string Css = """
        :root { --real: #3b6fb6; --synthetic: #f28e2b; --good: #2e8b57; --fair: #d4a017; --poor: #c0392b; --ink: #1f2933; --muted: #66727f; --line: #e4e7eb; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #f5f7fa; }
        header { background: #fff; border-bottom: 1px solid var(--line); padding: 24px 32px 16px; }
        h1 { margin: 0 0 4px; font-size: 24px; }
        h2 { margin: 0 0 12px; font-size: 19px; }
        h3 { margin: 18px 0 8px; font-size: 15px; color: var(--muted); font-weight: 600; }
        code { background: #eef1f5; padding: 1px 5px; border-radius: 4px; font-size: 12px; }
        .sub { color: var(--muted); margin: 0 0 16px; }
        .swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
        .swatch.real { background: var(--real); } .swatch.synthetic { background: var(--synthetic); }
        .cards { display: flex; gap: 14px; flex-wrap: wrap; margin-bottom: 16px; }
        .card { background: #fff; border: 1px solid var(--line); border-top: 4px solid #9aa5b1; border-radius: 8px; padding: 10px 16px; min-width: 190px; }
        .card.good { border-top-color: var(--good); } .card.fair { border-top-color: var(--fair); } .card.poor { border-top-color: var(--poor); }
        .card-title { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .05em; }
        .card-value { font-size: 30px; font-weight: 700; }
        .card-note { color: var(--muted); font-size: 12px; }
        .props { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 6px 28px; max-width: 1200px; }
        .prop { display: flex; align-items: center; gap: 10px; }
        .prop-name { width: 190px; } .prop-name small { color: var(--muted); }
        .bar { flex: 1; height: 10px; background: #eef1f5; border-radius: 5px; overflow: hidden; }
        .fill { display: block; height: 100%; background: #9aa5b1; }
        .fill.good { background: var(--good); } .fill.fair { background: var(--fair); } .fill.poor { background: var(--poor); }
        .prop-score { width: 46px; text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
        nav { position: sticky; top: 0; z-index: 1; background: #fff; border-bottom: 1px solid var(--line); padding: 8px 32px; display: flex; gap: 14px; flex-wrap: wrap; }
        nav a { color: var(--real); text-decoration: none; font-size: 13px; }
        main { padding: 8px 32px 32px; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 18px 20px; margin: 16px 0; }
        table.figures { border-collapse: collapse; width: 100%; font-size: 13px; }
        table.figures th { text-align: left; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); padding: 5px 8px; }
        table.figures td { border-bottom: 1px solid var(--line); padding: 5px 8px; vertical-align: top; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.good { color: var(--good); } td.fair { color: #a07800; } td.poor { color: var(--poor); font-weight: 600; }
        .two { display: grid; grid-template-columns: 1fr 1fr; gap: 20px; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(400px, 1fr)); gap: 14px; }
        figure.plot { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; background: #fff; }
        figure.plot svg { display: block; max-width: 100%; height: auto; }
        figcaption { display: flex; gap: 8px; align-items: baseline; margin-bottom: 4px; flex-wrap: wrap; }
        .tag { background: #eef1f5; color: var(--muted); border-radius: 10px; padding: 0 8px; font-size: 11px; }
        .score { margin-left: auto; font-size: 12px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .score.good { color: var(--good); } .score.fair { color: #a07800; } .score.poor { color: var(--poor); }
        .note, .muted { color: var(--muted); font-size: 12px; }
        .heatmaps .side { display: flex; gap: 24px; flex-wrap: wrap; }
        svg .gridline { stroke: #eef1f5; } svg .axis { stroke: #9aa5b1; }
        svg .tick { font-size: 10px; fill: #52606d; } svg .axis-title { font-size: 11px; fill: #52606d; } svg .cell { font-size: 9px; } svg .chart-message text { font-size: 10.5px; fill: #5c4813; }
        details summary { cursor: pointer; color: var(--real); margin: 10px 0 6px; }
        .warnings li { color: #8a5a00; }
        footer { color: var(--muted); font-size: 12px; padding: 8px 0 24px; }
        """;
}
