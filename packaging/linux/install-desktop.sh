#!/bin/sh
# Put Lead Planner in this user's application menu and make it open .leadplan files
# (double-click in the file manager). Nothing outside ~/.local/share is touched.
#
#   ./install-desktop.sh                 from the unpacked bundle (LeadPlanner/)
#   ./install-desktop.sh --uninstall     takes it out again
#
# `make install-desktop` runs it from a source checkout: there LEADPLANNER_EXEC names the
# command (the bundle's if built, else `leadplanner` on the PATH, as pipx installs it) and
# LEADPLANNER_SHARE the folder holding leadplanner.desktop and leadplanner-mime.xml, and
# LEADPLANNER_ICONS the icons' (leadplanner.svg and leadplanner-SIZE.png).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
exec_path=${LEADPLANNER_EXEC:-$here/leadplanner}
share=${LEADPLANNER_SHARE:-$here/desktop}
icons=${LEADPLANNER_ICONS:-$share/icons}
data=${XDG_DATA_HOME:-$HOME/.local/share}

refresh() {
    if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$data/applications" || true; fi
    if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$data/mime" || true; fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t "$data/icons/hicolor" || true; fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$data/applications/leadplanner.desktop" "$data/mime/packages/leadplanner.xml"
    for icon in "$data"/icons/hicolor/*/apps/leadplanner.png "$data/icons/hicolor/scalable/apps/leadplanner.svg"; do
        rm -f "$icon"
    done
    refresh
    # the folders the install made, where nothing else is left in them: first the empty folders, then
    # a cache the refresh wrote for no entry at all (alone in its folder), then the folders again; the
    # MIME database is generated from mime/packages only, so with no package left it goes too
    remove_empty() {
        for folder in "$data"/icons/hicolor/*/apps "$data"/icons/hicolor/* "$data/icons/hicolor" "$data/icons" \
            "$data/mime/packages" "$data/applications"; do
            if [ -d "$folder" ]; then rmdir "$folder" 2>/dev/null || true; fi
        done
    }
    remove_empty
    for cache in "$data/applications/mimeinfo.cache" "$data/icons/hicolor/icon-theme.cache"; do
        if [ -f "$cache" ] && [ "$(ls -A "$(dirname "$cache")" | wc -l)" -eq 1 ]; then rm -f "$cache"; fi
    done
    if [ -d "$data/mime" ] && [ ! -d "$data/mime/packages" ]; then rm -rf "$data/mime"; fi
    remove_empty
    echo "Lead Planner removed from the menus."
    exit 0
fi

mkdir -p "$data/applications" "$data/mime/packages" "$data/icons/hicolor/scalable/apps"
# the desktop file's Exec names this bundle's (or this checkout's) program: quoted for spaces,
# and escaped as the Desktop Entry specification asks (twice: the Exec quoting, then the string)
quoted=$(printf '%s' "$exec_path" | sed -e 's/\\/\\\\\\\\/g' -e 's/"/\\\\"/g' -e 's/\$/\\\\$/g' -e 's/`/\\\\`/g')
while IFS= read -r line; do
    case "$line" in
        Exec=*) printf 'Exec="%s" %%f\n' "$quoted" ;;
        TryExec=*) printf 'TryExec=%s\n' "$exec_path" ;;
        *) printf '%s\n' "$line" ;;
    esac
done < "$share/leadplanner.desktop" > "$data/applications/leadplanner.desktop"
cp "$share/leadplanner-mime.xml" "$data/mime/packages/leadplanner.xml"
for png in "$icons"/leadplanner-*.png; do
    size=$(basename "$png" .png | sed 's/leadplanner-//')
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$data/icons/hicolor/${size}x${size}/apps/leadplanner.png"
done
cp "$icons/leadplanner.svg" "$data/icons/hicolor/scalable/apps/leadplanner.svg"
refresh
echo "Lead Planner is in the application menu; .leadplan files open in $exec_path"
