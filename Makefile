# figtrack: build, test, demo and benchmark.
# `make demo` and `make check` are the whole set-up on a fresh Debian 12.

CC       ?= cc
PKGS      = libpcre2-8 sqlite3 libxml-2.0 poppler-glib
CFLAGS   ?= -O2 -g
CPPFLAGS += -pthread
WFLAGS    = -std=c11 -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter \
            -Wstrict-prototypes -Wmissing-prototypes -Wpointer-arith
CPPFLAGS += -Iinclude -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
            $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS   += $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lpcre2-8 -lsqlite3 -lxml2) -lcsv -ludunits2 -lm -pthread

# SANITIZE=1 builds everything under ASan+UBSan into its own tree.
ifeq ($(SANITIZE),1)
BUILD    = build/san
CFLAGS   = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
           -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
BIN      = $(BUILD)/figtrack
# the corpus-wide loops take every sixth article (tests/lib.sh: sample)
SAMPLE   = FIGTRACK_SAMPLE=6
else
BUILD    = build
BIN      = figtrack
endif

SRC      = $(wildcard src/*.c)
LIBSRC   = $(filter-out src/main.c src/cmd%.c,$(SRC))
LIBOBJ   = $(LIBSRC:src/%.c=$(BUILD)/%.o)
CMDOBJ   = $(filter-out $(LIBOBJ),$(SRC:src/%.c=$(BUILD)/%.o))
UNITSRC  = $(wildcard tests/unit-*.c)
UNITBIN  = $(UNITSRC:tests/%.c=$(BUILD)/tests/%)

DEBS     = gcc make pkg-config libpcre2-dev libsqlite3-dev libcsv-dev \
           gnuplot-nox sqlite3 clang libclang-rt-14-dev valgrind time \
           iso-codes jq libudunits2-dev chromium libxml2-dev \
           libpoppler-glib-dev libcairo2-dev libfontconfig-dev fonts-dejavu-core \
           poppler-utils
ISO3166  = /usr/share/iso-codes/json/iso_3166-1.json
ISO4217  = /usr/share/iso-codes/json/iso_4217.json
ISO3166_2 = /usr/share/iso-codes/json/iso_3166-2.json

.PHONY: all deps check check-valgrind demo bench fuzz clean install lexicon

all: $(BIN)

$(BIN): $(LIBOBJ) $(CMDOBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/libfigtrack.a: $(LIBOBJ)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/%.o: src/%.c $(wildcard include/figtrack/*.h src/*.h) | $(BUILD)
	$(CC) $(CPPFLAGS) $(WFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/%.c tests/harness.h $(BUILD)/libfigtrack.a | $(BUILD)/tests
	$(CC) $(CPPFLAGS) -Itests $(WFLAGS) -Wno-missing-prototypes $(CFLAGS) \
	    $(LDFLAGS) -o $@ $< $(BUILD)/libfigtrack.a $(LDLIBS)

# unit-pdf draws its pages with cairo and frees fontconfig's caches
$(BUILD)/tests/unit-pdf: LDLIBS += $(shell pkg-config --libs fontconfig)

# mkpdf lays text out as a PDF with cairo: the tests' PDF fixtures
$(BUILD)/tests/mkpdf: tests/mkpdf.c | $(BUILD)/tests
	$(CC) $(CPPFLAGS) $(WFLAGS) $(CFLAGS) $(LDFLAGS) \
	    $(shell pkg-config --cflags cairo fontconfig) -o $@ $< \
	    $(shell pkg-config --libs cairo fontconfig) -lm

# unit-fuzz includes the fuzzing harnesses to replay their inputs
$(BUILD)/tests/unit-fuzz: $(wildcard tests/fuzz/*.c tests/fuzz/*.h)

$(BUILD) $(BUILD)/tests:
	mkdir -p $@

# Installs every missing Debian package the build, tests, demo and
# benchmarks need; prints the command when not root.
deps:
	@missing=""; for p in $(DEBS); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	    echo "make deps: installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing >/dev/null || exit 2; \
	else \
	    echo "make deps: missing packages; run: sudo apt-get update && sudo apt-get install -y$$missing" >&2; exit 2; \
	fi

check: deps
	$(MAKE) $(BIN) $(UNITBIN) $(BUILD)/tests/mkpdf
	@BUILD=$(BUILD) FIGTRACK=$(abspath $(BIN)) $(SAMPLE) sh tests/run.sh

check-valgrind: deps
	$(MAKE) $(BIN) $(UNITBIN) $(BUILD)/tests/mkpdf
	@BUILD=$(BUILD) FIGTRACK=$(abspath $(BIN)) VALGRIND=1 sh tests/run.sh

demo: deps
	$(MAKE) $(BIN)
	@sh data/demo.sh ./$(BIN)

bench: deps
	$(MAKE) $(BIN)
	@sh tests/bench/run.sh ./$(BIN)

fuzz: deps
	@sh tests/fuzz/run.sh

# The country gazetteer, the states and provinces and the currency
# units, from iso-codes and data/lexicon/countries.tsv,
# subdivisions.tsv, currencies.tsv.
# Committed, so that a machine without iso-codes has it; t0025 checks it
# is up to date.
lexicon: deps
	sh data/lexicon/countries.sh $(ISO3166) data/lexicon/countries.tsv \
	    > data/rules/countries.rules.tmp
	mv data/rules/countries.rules.tmp data/rules/countries.rules
	sh data/lexicon/currencies.sh $(ISO4217) data/lexicon/currencies.tsv \
	    > data/rules/currencies.rules.tmp
	mv data/rules/currencies.rules.tmp data/rules/currencies.rules
	sh data/lexicon/subdivisions.sh $(ISO3166_2) \
	    data/lexicon/subdivisions.tsv > data/rules/subdivisions.rules.tmp
	mv data/rules/subdivisions.rules.tmp data/rules/subdivisions.rules

PREFIX ?= /usr/local
install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/figtrack/rules
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/figtrack
	install -m 644 data/rules/*.rules $(DESTDIR)$(PREFIX)/share/figtrack/rules/
	install -d $(DESTDIR)$(PREFIX)/share/figtrack/plots
	install -m 644 plots/style.gp $(DESTDIR)$(PREFIX)/share/figtrack/plots/

clean:
	rm -rf build figtrack
