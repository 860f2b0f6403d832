#!/bin/bash
# Builds the Linux packages: target/installer/port853_VERSION-1_amd64.deb and port853-VERSION-1.x86_64.rpm.
# Run by `mvn -B -Pinstaller package` after the jar and target/lib exist (or by hand: installer/linux/build.sh).
#
#   1. jlink: a runtime with only the modules the app needs (JDK jmods + the JavaFX -linux modular jars) and
#      the JDK's default class-data-sharing archive (--generate-cds-archive).
#   2. jpackage --type app-image: the launcher (bin/port853), the runtime and the jars, with the JVM options of
#      installer/linux/jvm-options. Installed as /usr/lib/port853 (the agreed layout, jpackage's
#      --install-dir /usr/lib + the name).
#      A second launcher, bin/port853-cli, runs the same program with its own CDS archive for commands.
#   3. Training runs write the app's own CDS archives: the window (Xvfb, demo mode) lib/app/port853.jsa, the
#      command line lib/app/port853-cli.jsa.
#   4. The staged tree gets what jpackage's deb/rpm bundlers cannot place (they install one directory only and
#      register menu entries with xdg-utils at postinst time): /usr/bin/port853 (picks the launcher), the .desktop entry, AppStream
#      metainfo, hicolor icons, the polkit policy, systemd units, sysusers.d, the man page (generated from the
#      picocli model) and the copyright file; dpkg-deb and rpmbuild pack the same tree.
# Environment: PORT853_VERSION (default: the version the jar says, as `port853 --version` will) sets the packages'
# version alone, e.g. 0.1.1 to pack the same program as an upgrade; `mvn -Pinstaller package -Dpackage.version=0.1.1`
# builds the program with that version too.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
REL=1
L=installer/linux
T=target
W=$T/installer-work
OUT=$T/installer
JMODS=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}/jmods
[[ -f $T/port853.jar && -d $T/lib ]] || { echo "build.sh: run 'mvn package' first (target/port853.jar, target/lib)" >&2; exit 1; }
JAR_VERSION=$(X=$(mktemp -d) && cd "$X" && jar xf "$ROOT/$T/port853.jar" org/port853/version.properties \
  && sed -n 's/^version=//p' org/port853/version.properties && rm -rf "$X")
VERSION=${PORT853_VERSION:-$JAR_VERSION}
[[ $VERSION =~ ^[0-9]+(\.[0-9]+)*$ ]] || { echo "build.sh: PORT853_VERSION must be numeric dotted: $VERSION" >&2; exit 2; }
rm -rf "$W" "$OUT"
mkdir -p "$W/input" "$OUT"

# ---- 1. runtime
FX=$(ls $T/lib/javafx-*-linux.jar | tr '\n' ':')
# Modules: `jdeps --print-module-deps` over the jars (java.base, java.desktop, java.sql, jdk.net,
# jdk.security.auth, javafx.controls) plus what is loaded reflectively or by service lookup: TLS with EC keys
# (jdk.crypto.ec), java.naming (dnsjava's resolver configuration), jdk.unsupported (JNA, dbus-java),
# java.management (jcmd/JMX for the benchmarks), javafx.swing (screenshots to PNG), jdk.localedata for the
# window's German (without it java.base knows only English: dates read "2026 Dec 1", numbers "12.5"), only en and de.
MODULES=java.base,java.desktop,java.sql,java.logging,java.naming,java.management,java.xml,jdk.net,jdk.security.auth,jdk.unsupported,jdk.crypto.ec,jdk.localedata,javafx.controls,javafx.swing
jlink --module-path "$JMODS:$FX" --add-modules "$MODULES" --include-locales=en,de --strip-debug --no-header-files \
  --no-man-pages --generate-cds-archive --output "$W/runtime" >/dev/null
# JavaFX's and JNA's native libraries go into the runtime's lib, where both load them from: JavaFX looks beside its
# modules first, JNA in jna.boot.library.path (jvm-options). Left in the jars, every user's first start unpacked
# them into the home folder (~/.openjfx/cache, ~/.cache/JNA), and the window could not start where home is noexec.
for j in $T/lib/javafx-*-linux.jar; do
  libs=$(jar tf "$j" | grep -E '^lib[^/]*\.so$' || true)
  # (jar xf without names would unpack the whole jar)
  if [[ -n $libs ]]; then (cd "$W/runtime/lib" && jar xf "$ROOT/$j" $libs); fi
done
[[ -z $(find "$W/runtime/lib" -name '*.class' -print -quit) ]] || { echo "build.sh: classes unpacked into the runtime" >&2; exit 1; }
JNA_JAR=$(ls $T/lib/jna-[0-9]*.jar)
(cd "$W" && jar xf "$ROOT/$JNA_JAR" com/sun/jna/linux-x86-64/libjnidispatch.so \
  && mv com/sun/jna/linux-x86-64/libjnidispatch.so runtime/lib/ && rm -r com)
[[ -f $W/runtime/lib/libglass.so && -f $W/runtime/lib/libjnidispatch.so ]] \
  || { echo "build.sh: JavaFX's or JNA's native libraries are missing from the runtime" >&2; exit 1; }

# ---- 2. app image
cp $T/port853.jar "$W/input/"
for j in $T/lib/*.jar; do case $(basename "$j") in javafx-*) ;; *) cp "$j" "$W/input/";; esac; done
JOPTS=()
CLI_OPTS=()
while IFS= read -r line; do
  [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
  JOPTS+=(--java-options "$line")
  CLI_OPTS+=("${line//port853.jsa/port853-cli.jsa}")
done < $L/jvm-options
# The command line's launcher: the same options, its own archive (an archive is resident in full while it runs, so
# the window's holds only the window's classes and the command line's only its own; docs/benchmarks.md, round 15).
echo "java-options=${CLI_OPTS[*]}" > "$W/port853-cli.properties"
jpackage --type app-image --name port853 --app-version "$VERSION" --vendor Port853 \
  --description "Moves this computer's DNS onto DNS-over-TLS and proves it" \
  --input "$W/input" --main-jar port853.jar --main-class org.port853.app.Launcher \
  --runtime-image "$W/runtime" --icon icons/port853-256.png "${JOPTS[@]}" \
  --add-launcher port853-cli="$W/port853-cli.properties" --dest "$W/image"
IMG=$W/image/port853
# jpackage writes the class path into the launcher's configuration; the helper and the capture service use
# the same jars (the jar's manifest Class-Path names lib/…, which does not exist in the image).
install -m 0755 $L/port853-helper "$IMG/lib/port853-helper"
install -m 0755 $L/port853-capture-service "$IMG/lib/port853-capture-service"
install -m 0755 $L/port853-uninstall "$IMG/lib/port853-uninstall"

# Debian's JDK binaries keep their symbol tables; strip them (and the launcher) like any packaged binary.
find "$IMG" -type f \( -name '*.so' -o -perm -u+x \) -exec sh -c 'file -b "$1" | grep -q ELF' _ {} \; \
  -exec strip --strip-unneeded --remove-section=.comment --remove-section=.note {} +
chmod 0644 "$IMG/lib/libapplauncher.so"

# ---- 3. class-data-sharing archives: the window's (lib/app/port853.jsa: the window in demo mode until its Status
# screen is drawn) and the command line's (lib/app/port853-cli.jsa: `--cds-training`, `analyze` of the bundled demo
# capture). Java 17 records the absolute jar paths (and their sizes and
# modification times) in a dynamic archive and refuses it elsewhere, so the training run sees the image at its
# installed path: in a private mount namespace, an overlay over /usr/lib gets /usr/lib/port853 bind-mounted from
# the image (nothing changes outside the namespace; needs root, like the package test). The files get one fixed
# modification time first, and dpkg-deb/rpmbuild keep it.
EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
export SOURCE_DATE_EPOCH=$EPOCH
# train LAUNCHER ARGUMENT: runs bin/LAUNCHER ARGUMENT at the installed path with its configuration set to write
# lib/app/LAUNCHER.jsa; the output goes to $W/train-LAUNCHER.log
train() {
  local name=$1 arg=$2 cfg=$IMG/lib/app/$1.cfg
  cp "$cfg" "$W/$name.cfg.orig"
  sed -i -e '/SharedArchiveFile/d' "$cfg"
  { echo "java-options=-XX:ArchiveClassesAtExit=\$APPDIR/$name.jsa"
    echo "java-options=-Dport853.bench=true"; echo "java-options=-Dport853.bench.exit=true"
    echo "java-options=-Dprism.order=sw"; echo "java-options=-Djavafx.cachedir=/tmp/port853-build-fx-$$"; } >> "$cfg"
  find "$IMG" -exec touch -h -d "@$EPOCH" {} +
  mkdir -p "$W/home" "$W/ovl"
  unshare -m --propagation private sh -c '
    set -e
    mount -t tmpfs tmpfs "$1"
    mkdir "$1/u" "$1/w"
    mount -t overlay overlay -o "lowerdir=/usr/lib,upperdir=$1/u,workdir=$1/w" /usr/lib
    mkdir -p /usr/lib/port853
    mount --bind "$2" /usr/lib/port853
    xvfb-run -a -s "-screen 0 1280x900x24" env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS -u _JAVA_OPTIONS \
      HOME="$3" timeout 180 "/usr/lib/port853/bin/$4" "$5"
  ' train "$ROOT/$W/ovl" "$ROOT/$IMG" "$ROOT/$W/home" "$name" "$arg" >"$W/train-$name.log" 2>&1 || true
  rm -rf "/tmp/port853-build-fx-$$"
  cp "$W/$name.cfg.orig" "$cfg"
  touch -h -d "@$EPOCH" "$cfg"
  [[ -s $IMG/lib/app/$name.jsa ]] \
    || { echo "build.sh: the CDS training run ($name $arg at /usr/lib/port853) failed:" >&2; cat "$W/train-$name.log" >&2; exit 1; }
  chmod 0644 "$IMG/lib/app/$name.jsa"
}
train port853 --demo
grep -q STATUS_FRAME "$W/train-port853.log" \
  || { echo "build.sh: the window's CDS training run drew no Status screen:" >&2; cat "$W/train-port853.log" >&2; exit 1; }
train port853-cli --cds-training
find "$IMG" -exec touch -h -d "@$EPOCH" {} +

# ---- 4. staged tree (shared by .deb and .rpm)
stage() { # stage DIR SYSTEMD_UNIT_DIR
  local S=$1 U=$2
  mkdir -p "$S/usr/lib" "$S/usr/bin"
  cp -a "$IMG" "$S/usr/lib/port853"
  install -m 0755 $L/port853 "$S/usr/bin/port853"
  install -Dm0644 $L/org.port853.Port853.desktop "$S/usr/share/applications/org.port853.Port853.desktop"
  sed "s/@VERSION@/$VERSION/g; s/@DATE@/$(date -u +%F)/g" $L/org.port853.Port853.metainfo.xml \
    | install -Dm0644 /dev/stdin "$S/usr/share/metainfo/org.port853.Port853.metainfo.xml"
  install -Dm0644 icons/port853.svg "$S/usr/share/icons/hicolor/scalable/apps/port853.svg"
  for s in 16 24 32 48 64 128 256 512; do
    install -Dm0644 "icons/port853-$s.png" "$S/usr/share/icons/hicolor/${s}x${s}/apps/port853.png"
  done
  install -Dm0644 $L/org.port853.helper.policy "$S/usr/share/polkit-1/actions/org.port853.helper.policy"
  for u in port853-recover.service port853-capture.socket port853-capture.service; do
    install -Dm0644 "$L/$u" "$S$U/$u"
  done
  install -Dm0644 $L/port853.sysusers "$S/usr/lib/sysusers.d/port853.conf"
  mkdir -p "$S/usr/share/man/man1"
  "$IMG/lib/runtime/bin/java" -cp "$IMG/lib/app/*" org.port853.cli.ManPage "$(date -u +%F)" \
    | gzip -9n > "$S/usr/share/man/man1/port853.1.gz"
  install -Dm0644 $L/copyright "$S/usr/share/doc/port853/copyright"
  find "$S" -type d -exec chmod 0755 {} +
  find "$S" -type f ! -perm /111 -exec chmod 0644 {} + # the runtime's files come read-only (0444)
}

# .deb
D=$W/deb
stage "$D" /usr/lib/systemd/system
install -Dm0644 $L/debian/lintian-overrides "$D/usr/share/lintian/overrides/port853"
printf 'port853 (%s-%s) unstable; urgency=medium\n\n  * Release %s; see the AppStream release notes.\n\n -- Port853 <packages@port853.org>  %s\n' \
  "$VERSION" "$REL" "$VERSION" "$(date -uR)" | gzip -9n > "$D/usr/share/doc/port853/changelog.Debian.gz"
mkdir -p "$D/DEBIAN"
SIZE=$(du -sk --exclude=DEBIAN "$D" | cut -f1)
sed "s/@VERSION@/$VERSION-$REL/; s/@SIZE@/$SIZE/" $L/debian/control > "$D/DEBIAN/control"
for s in postinst prerm postrm; do install -m0755 "$L/debian/$s" "$D/DEBIAN/$s"; done
fakeroot dpkg-deb --build -Zxz -z3 "$D" "$OUT/port853_${VERSION}-${REL}_amd64.deb" >/dev/null

# .rpm (same tree, Fedora's unit directory)
R=$W/rpm
stage "$R/root" /usr/lib/systemd/system
rpmbuild -bb --quiet --define "__os_install_post %{nil}" --define "_build_id_links none" --define "_topdir $ROOT/$R/top" --define "_rpmdir $ROOT/$OUT" \
  --define "_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm" \
  --define "stage $ROOT/$R/root" --define "licensefile $ROOT/LICENSE" --define "pkgversion $VERSION" --define "pkgrelease $REL" \
  $L/rpm/port853.spec
ls -l "$OUT"
