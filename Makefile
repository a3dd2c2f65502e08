# Two commands are all a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench clean dist icons install-desktop uninstall-desktop screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

DIST_STAMP := $(VENV)/.dist-installed
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' planner/version.py)
BUNDLE := dist/LeadPlanner
ARCHIVE := dist/LeadPlanner-$(VERSION)-linux-$(shell uname -m).tar.gz

$(DIST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,dist]'
	touch $(DIST_STAMP)

run: $(STAMP)
	@# byte-compile what changed: starts faster where PYTHONDONTWRITEBYTECODE is set
	$(BIN)/python -m compileall -q planner ui exports > /dev/null
	$(BIN)/leadplanner --sample

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format . && $(BIN)/ruff check --fix .

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks
	@# the bundle's start-up beside the venv's (skipped with a message before `make dist`)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.bundle

# the README's pictures: every step and presentation mode at 1366 x 768 under Xvfb (the sample plan),
# into docs/screenshots/ or OUT (`make screenshots OUT=/tmp/shots`); PLAN=--wide shows a plan of 6
# resources and 8 channels instead, PLAN=path/to/plan.leadplan another plan
screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb $(BIN)/python docs/screenshots/take.py \
		$(or $(PLAN),planner/data/sample.leadplan) $(OUT)

# The app without Python: dist/LeadPlanner/ (leadplanner, leadplanner-cli) and its .tar.gz, then
# the wheel and the sdist for pipx. packaging/leadplanner.spec says what goes in.
dist: $(DIST_STAMP)
	rm -rf dist build/pyinstaller
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/leadplanner.spec
	@# an archive that depends only on the files: sorted, no owners, the last commit's time
	tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$$(git log -1 --format=%ct 2>/dev/null || echo 0)" \
		-C dist -cf - LeadPlanner | gzip -n > $(ARCHIVE)
	$(BIN)/python -m build --outdir dist . > build/python-build.log
	@echo "built: $$(du -sh $(BUNDLE) | cut -f1) $(BUNDLE)/, $$(du -h $(ARCHIVE) | cut -f1) $(ARCHIVE), and"; ls dist/*.whl dist/*.tar.gz

# the app icon's PNGs, .ico and .icns from its SVG (committed: a build needs only the repository)
icons: $(STAMP)
	$(BIN)/python packaging/icons/render.py

# Lead Planner in this user's menus, opening .leadplan files: the bundle's program if it is
# built, else this checkout's venv's, else `leadplanner` on the PATH (pipx)
install-desktop:
	LEADPLANNER_EXEC="$(or $(wildcard $(abspath $(BUNDLE)/leadplanner)),$(wildcard $(abspath $(BIN)/leadplanner)),leadplanner)" \
	LEADPLANNER_SHARE="$(abspath packaging/linux)" LEADPLANNER_ICONS="$(abspath ui/resources/icons)" \
		sh packaging/linux/install-desktop.sh

uninstall-desktop:
	sh packaging/linux/install-desktop.sh --uninstall

clean:
	rm -rf $(VENV) build dist *.egg-info
