#!/usr/bin/env bash
# Builds the Linux packages of Moderator Workstation with jpackage, from the class path:
#   target/dist/Moderator Workstation/                        app image (always)
#   target/dist/moderator-workstation_<version>-1_<arch>.deb   Debian package (when fakeroot is present)
#
# Usage, from the repository root (the script also works when called from elsewhere):
#   packaging/jpackage.sh
# Environment (all optional):
#   APP_VERSION     version of the packages            (default 0.1.0)
#   DEB_MAINTAINER  e-mail address for the .deb control file's Maintainer field
#   JPACKAGE        the jpackage to use                 (default $JAVA_HOME/bin/jpackage, else jpackage on PATH)
#   VERBOSE=1       pass --verbose to jpackage (shows which resources of --resource-dir it uses)
#
# Needs: a JDK 17+ with jpackage and Maven; for the .deb also dpkg-deb and fakeroot
#   (Debian: apt-get install -y openjdk-17-jdk maven fakeroot; dpkg-deb is part of dpkg).
# See packaging/README.md for Windows (.msi/.exe) and macOS (.dmg).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly APP_NAME="Moderator Workstation"
readonly PACKAGE_NAME="moderator-workstation"
readonly MAIN_CLASS="nl.sociallearning.workstation.app.Main"
readonly APP_VERSION="${APP_VERSION:-0.1.0}"
readonly VENDOR="Moderator Workstation"
readonly DESCRIPTION="Moderation, assessment and reporting for online social-learning courses"
readonly ICON="icons/app-icon-512.png"
readonly RESOURCE_DIR="packaging/linux"
readonly LIB_DIR="target/lib"
readonly DIST_DIR="target/dist"

if [[ -n "${JPACKAGE:-}" ]]; then
    jpackage_cmd="$JPACKAGE"
elif [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/jpackage" ]]; then
    jpackage_cmd="$JAVA_HOME/bin/jpackage"
else
    jpackage_cmd="jpackage"
fi

die() {
    echo "jpackage.sh: $*" >&2
    exit 1
}

command -v mvn >/dev/null 2>&1 || die "mvn not found (Debian: apt-get install -y maven)"
command -v "$jpackage_cmd" >/dev/null 2>&1 || die "jpackage not found: install a JDK 17+ (Debian: apt-get install -y openjdk-17-jdk) or set JAVA_HOME"
[[ -f "$ICON" ]] || die "$ICON is missing (regenerate it with icons/make-icons.sh)"
[[ -f "$RESOURCE_DIR/$APP_NAME.desktop" ]] || die "$RESOURCE_DIR/$APP_NAME.desktop is missing"

echo "jpackage.sh: using jpackage $("$jpackage_cmd" --version)"

# 1. The application jar and its runtime dependencies, all in target/lib (the class path).
rm -rf "$LIB_DIR" "$DIST_DIR"
mvn -B -q -DskipTests package dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$LIB_DIR"

shopt -s nullglob
app_jars=()
for jar in target/"$PACKAGE_NAME"-*.jar; do
    case "$jar" in
        *-sources.jar | *-javadoc.jar | *-tests.jar) ;;
        *) app_jars+=("$jar") ;;
    esac
done
shopt -u nullglob
((${#app_jars[@]} == 1)) || die "expected one target/$PACKAGE_NAME-*.jar, found ${#app_jars[@]}: ${app_jars[*]:-none}"
cp "${app_jars[0]}" "$LIB_DIR/"
main_jar="$(basename "${app_jars[0]}")"

verbose=()
[[ "${VERBOSE:-}" == "1" ]] && verbose=(--verbose)

# Options that both the app image and the .deb need.
common=(
    --name "$APP_NAME"
    --app-version "$APP_VERSION"
    --vendor "$VENDOR"
    --description "$DESCRIPTION"
    --icon "$ICON"
    --dest "$DIST_DIR"
    "${verbose[@]}"
)

# 2. The app image: target/dist/Moderator Workstation/{bin/Moderator Workstation, lib/app, lib/runtime}.
"$jpackage_cmd" --type app-image \
    --input "$LIB_DIR" \
    --main-jar "$main_jar" \
    --main-class "$MAIN_CLASS" \
    --java-options "-Xmx1g" \
    "${common[@]}"
echo "jpackage.sh: app image: $DIST_DIR/$APP_NAME (run: \"$DIST_DIR/$APP_NAME/bin/$APP_NAME\")"

# 3. The .deb, made from that app image (so jlink runs only once). It installs to
#    /opt/moderator-workstation, with the launcher /opt/moderator-workstation/bin/Moderator Workstation.
#    --resource-dir packaging/linux holds "Moderator Workstation.desktop" (a link to
#    moderator-workstation.desktop): jpackage's name for the menu entry it installs.
#    JavaFX's own native libraries are inside its jars, so jpackage cannot see what they
#    need: GTK 3 (glass), libGL and libXxf86vm (hardware rendering) are listed by hand.
if command -v fakeroot >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1; then
    maintainer=()
    [[ -n "${DEB_MAINTAINER:-}" ]] && maintainer=(--linux-deb-maintainer "$DEB_MAINTAINER")
    "$jpackage_cmd" --type deb \
        --app-image "$DIST_DIR/$APP_NAME" \
        --resource-dir "$RESOURCE_DIR" \
        --linux-package-name "$PACKAGE_NAME" \
        --linux-shortcut \
        --linux-menu-group Education \
        --linux-app-category education \
        --linux-package-deps "libgtk-3-0, libgl1, libxxf86vm1" \
        "${maintainer[@]}" \
        "${common[@]}"
    echo "jpackage.sh: deb: $(ls "$DIST_DIR"/"$PACKAGE_NAME"_*.deb)"
else
    echo "jpackage.sh: fakeroot or dpkg-deb not found, skipping the .deb (Debian: apt-get install -y fakeroot)" >&2
fi
