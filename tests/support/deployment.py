"""The replicas bench/ starts on PostgreSQL (bench/stack.py) and its whole-plan conversation
(bench/conversation.py): the one place the test suites import bench/ (tests/bench tests bench/ itself)."""

from bench.conversation import whole_plan
from bench.stack import Deployment, deployment_env, postgres_database, prepare_database

__all__ = ["Deployment", "deployment_env", "postgres_database", "prepare_database", "whole_plan"]
