"""Any-of groups keep only skills that stand in for each other: "docker/k8s" asks for both."""

from __future__ import annotations

import pytest

from skillgap.extraction.alternatives import substitutes

# (skill ids of an "X or Y" run, the ids that stay a group)
RUNS = [
    (["java", "kotlin"], ["java", "kotlin"]),
    (["aws", "google-cloud", "azure"], ["aws", "google-cloud", "azure"]),
    (["redis", "memcached"], ["redis", "memcached"]),  # different kinds, but related
    (["scala", "java"], ["scala", "java"]),  # Scala builds on Java, yet is the same kind
    (["javascript", "typescript"], []),  # TypeScript implies JavaScript: holding it meets both
    (["docker", "kubernetes"], []),  # Kubernetes builds on Docker and does another job
    (["helm", "kubernetes"], []),
    (["relational-databases", "mysql", "mariadb"], ["mysql", "mariadb"]),  # the kind named first
    (["mysql", "postgresql", "scalability"], ["mysql", "postgresql"]),  # a concept ends the run
    (["python", "django"], []),  # Django implies Python
]


@pytest.mark.parametrize(("run", "kept"), RUNS)
def test_alternatives_keep_substitutes_only(taxonomy, run: list[str], kept: list[str]) -> None:
    assert substitutes(taxonomy, run) == kept


# (job text, the any-of groups it must give)
JOBS = [
    ("- Has shipped something on docker/k8s, even a small thing", []),
    ("- You deploy with Helm/Kubernetes every week", []),
    ("- Solid knowledge of relational databases (MySQL or MariaDB)", [["MySQL", "MariaDB"]]),
    ("- 3 years working deeply with MySQL or PostgreSQL at scale", [["MySQL", "PostgreSQL"]]),
    ("- Strong experience with Django or FastAPI", [["Django", "FastAPI"]]),
    ("- Kotlin/Java on the JVM", [["Kotlin", "Java"]]),
    ("- Experience with one of AWS, GCP or Azure", [["AWS", "Google Cloud", "Azure"]]),
    ("- IaC: Terraform preferred, Ansible acceptable", [["Terraform", "Ansible"]]),
    ("- Kafka preferred, RabbitMQ acceptable", [["Kafka", "RabbitMQ"]]),
    ("- Kafka preferred, RabbitMQ and Redis", []),
]


@pytest.mark.parametrize(("text", "groups"), JOBS)
def test_alternatives_in_job_text(extract, text: str, groups: list[list[str]]) -> None:
    assert extract(text, "job").any_of == groups
