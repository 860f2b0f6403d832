#!/bin/sh
# Takes a screenshot of every screen of the desktop app in demo mode (sample resolver state, the bundled demo
# capture replayed in real time), in a real window under Xvfb.
# Needs: xvfb (xvfb-run), libgtk-3-0; run from anywhere: docs/screenshots/take.sh
set -e
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
mvn -B -q -o compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/screenshot-cp.txt -Dmdep.includeScope=runtime >/dev/null
CP="target/classes:$(cat target/screenshot-cp.txt)"
mkdir -p target/screenshot-tour
javac -d target/screenshot-tour -cp "$CP" docs/screenshots/ScreenshotTour.java
xvfb-run -a -s "-screen 0 1280x900x24" java -Dprism.order=sw -Djavafx.cachedir=target/openjfx-cache \
  -cp "target/screenshot-tour:$CP" ScreenshotTour docs/screenshots
