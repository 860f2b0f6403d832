#!/bin/sh
# Regenerates the PNG icons from port853.svg (needs imagemagick and librsvg2-bin) and copies the window and tray icons.
set -e
cd "$(dirname "$0")"
for s in 16 24 32 48 64 128 256 512; do
  convert -background none -density 300 port853.svg -resize "${s}x${s}" "port853-$s.png"
done
mkdir -p ../src/main/resources/org/port853/ui/icons
for s in 16 24 32 48 64 128 256; do cp "port853-$s.png" ../src/main/resources/org/port853/ui/icons/; done
