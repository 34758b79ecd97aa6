#!/usr/bin/env python3
"""Layering check, run by `scripts/dev test` (so CI):
  - no include cycle between the folders of app/core (capture, rules, server, ...);
  - app/core includes nothing from Qt Widgets, Gui or Charts, and links none of them (nor do its tests);
  - no source file over 600 lines, except those in scripts/layering-baseline.txt, which may not grow
    (the list only shrinks: a file that drops under 600 lines leaves it).
Exit 1 with every violation listed.
"""
import os
import re
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
core = os.path.join(root, "app", "core")
problems = []

WIDGET_HEADERS = re.compile(r"#\s*include\s*<(QtWidgets/.*|QtGui/.*|QtCharts/.*|Q(Chart|ChartView|BarSet|BarSeries|LineSeries|AreaSeries|ValueAxis|LogValueAxis)|Q(Widget|Application|Dialog|MainWindow|Label|PushButton|"
                            r"MessageBox|FileDialog|Menu|TableView|TreeView|ListWidget|LineEdit|ComboBox|"
                            r"AbstractItemView|HeaderView|StyledItemDelegate|Clipboard|GuiApplication|Color|Font|"
                            r"Palette|Pixmap|Icon|Image|Painter|KeySequence|Action|DesktopServices|Screen))>")
INCLUDE = re.compile(r'#\s*include\s*"([a-z_]+)/[^"]+"')

edges = {}
for folder in sorted(os.listdir(core)):
    path = os.path.join(core, folder)
    if not os.path.isdir(path):
        continue
    edges.setdefault(folder, set())
    for name in os.listdir(path):
        if not name.endswith((".h", ".cpp")):
            continue
        text = open(os.path.join(path, name), encoding="utf-8").read()
        for m in INCLUDE.finditer(text):
            if m.group(1) != folder and os.path.isdir(os.path.join(core, m.group(1))):
                edges[folder].add(m.group(1))
        for m in WIDGET_HEADERS.finditer(text):
            problems.append("app/core/%s/%s includes <%s>: the core links no Widgets, Gui or Charts" % (folder, name, m.group(1)))

cmake = open(os.path.join(core, "CMakeLists.txt"), encoding="utf-8").read()
for lib in ("Qt6::Widgets", "Qt6::Gui", "Qt6::Charts"):
    if lib in cmake:
        problems.append("app/core/CMakeLists.txt links %s" % lib)
    core_tests = open(os.path.join(root, "tests", "core", "CMakeLists.txt"), encoding="utf-8").read()
    if lib in core_tests:
        problems.append("tests/core/CMakeLists.txt links %s" % lib)

# Cycles: a depth-first search that reports each back edge's loop.
state = {}
stack = []


def visit(node):
    state[node] = "open"
    stack.append(node)
    for nxt in sorted(edges.get(node, ())):
        if state.get(nxt) == "open":
            loop = stack[stack.index(nxt):] + [nxt]
            problems.append("include cycle between core folders: " + " -> ".join(loop))
        elif nxt not in state:
            visit(nxt)
    stack.pop()
    state[node] = "done"


for node in sorted(edges):
    if node not in state:
        visit(node)

baseline = {}
baseline_path = os.path.join(root, "scripts", "layering-baseline.txt")
if os.path.exists(baseline_path):
    for line in open(baseline_path, encoding="utf-8"):
        line = line.split("#")[0].strip()
        if line:
            name, limit = line.rsplit(None, 1)
            baseline[name] = int(limit)
for top in ("app", "ui", "tests", "bench"):
    for dirpath, _, files in os.walk(os.path.join(root, top)):
        for name in files:
            if not name.endswith((".h", ".cpp")):
                continue
            rel = os.path.relpath(os.path.join(dirpath, name), root)
            lines = sum(1 for _ in open(os.path.join(dirpath, name), encoding="utf-8"))
            limit = baseline.get(rel, 600)
            if lines > limit:
                problems.append("%s has %d lines (limit %d%s)" % (rel, lines, limit,
                                ", its baseline: split it" if rel in baseline else ""))
            elif rel in baseline and lines <= 600:
                problems.append("%s is down to %d lines: remove it from scripts/layering-baseline.txt" % (rel, lines))

for p in problems:
    print("layering: " + p)
if problems:
    sys.exit(1)
print("layering: no cycle between core folders, no Widgets in the core, no file over its line limit")
