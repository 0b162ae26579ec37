"""Names and aliases are found: every floor name in a skills list, each added product and alias
in lists and in prose, and names that are also English words stay silent outside technical text.

The tables are written out by hand (not read from the taxonomy), so removing or breaking an
alias, a record or a context rule fails a row.
"""

from __future__ import annotations

import pytest
from conftest import FLOOR, needs_floor, resume_text

from skillgap.models import Profile


def _claimed(profile: Profile) -> set[str]:
    return {skill.id for skill in profile.skills}


def _named(profile: Profile) -> set[str]:
    """Every skill the profile mentions at all: claimed or not."""
    return _claimed(profile) | {item.id for item in profile.not_claimed}


# Skill id -> the surface forms added for it (its name too, for a new record). Each must be
# found in a résumé's skills list.
# fmt: off
FORMS: dict[str, list[str]] = {
    "cuda": ["CUDA", "CUDA C++", "NVIDIA CUDA", "cuDNN"],
    "jax": ["JAX", "Google JAX", "Flax"],
    "onnx": ["ONNX", "ONNX Runtime", "Open Neural Network Exchange"],
    "ray": ["Ray", "Ray Serve", "Ray Tune", "Ray Train", "Ray Data", "Anyscale Ray", "Ray.io"],
    "recommender-systems": [
        "Recommender systems", "recommendation systems", "recommendation engines",
        "recommender engines", "collaborative filtering", "recommendation engine",
        "recommender system",
    ],
    "hardhat": ["Hardhat", "Hardhat Network"],
    "apache-thrift": ["Thrift IDL", "Thrift RPC", "Thrift"],
    "json-rpc": ["JSON-RPC", "JSON RPC", "JSON-RPC 2.0", "JSONRPC"],
    "apollo-graphql": [
        "Apollo GraphQL", "Apollo Client", "Apollo Server", "Apollo Federation", "Apollo Router",
    ],
    "relay": ["Relay", "Relay GraphQL", "Relay Modern", "React Relay"],
    "socket-io": ["Socket.IO", "SocketIO", "Socket IO", "socket.io"],
    "hl7": ["HL7", "HL7 v2", "HL7v2", "HL7 messages", "Health Level Seven"],
    "fhir": [
        "FHIR", "HL7 FHIR", "FHIR R4", "Fast Healthcare Interoperability Resources",
        "SMART on FHIR",
    ],
    "twilio": ["Twilio", "Twilio API", "Twilio SendGrid", "SendGrid"],
    "bpmn": ["BPMN", "BPMN 2.0", "Business Process Model and Notation", "bpmn.io", "bpmn-js"],
    "uml": ["UML", "Unified Modeling Language", "UML diagrams", "UML modeling", "UML modelling"],
    "mvc": [
        "MVC", "Model-View-Controller", "Model View Controller", "MVC pattern", "MVC architecture",
        "MVC framework",
    ],
    "cloudwatch": ["Cloud Watch", "CloudWatch Alarms", "CloudWatch Logs Insights"],
    "cloudformation": ["Cloud Formation", "CloudFormation templates", "CloudFormation stacks"],
    "step-functions": ["AWS Step Function", "Step Function state machines"],
    "azure-blob-storage": ["Azure Blob", "Azure Blobs", "Azure Storage Account"],
    "amazon-aurora": [
        "Amazon Aurora", "AWS Aurora", "Aurora PostgreSQL", "Aurora MySQL", "Aurora Serverless",
        "Amazon Aurora PostgreSQL", "Amazon Aurora MySQL", "Aurora",
    ],
    "azure-synapse": [
        "Azure Synapse Analytics", "Azure Synapse", "Synapse Analytics",
        "Azure SQL Data Warehouse", "Azure SQL DW", "Synapse pipelines", "Synapse SQL pools",
    ],
    "azure-data-factory": [
        "Azure Data Factory", "Azure ADF", "ADF pipelines", "ADF pipeline", "ADF", "Data Factory",
    ],
    "aws-glue": [
        "AWS Glue", "Amazon Glue", "AWS Glue ETL", "AWS Glue Data Catalog", "Glue Data Catalog",
        "Glue crawlers", "Glue jobs", "Glue job",
    ],
    "amazon-emr": [
        "Amazon EMR", "AWS EMR", "Elastic MapReduce", "Amazon Elastic MapReduce", "EMR Serverless",
        "EMR on EKS",
    ],
    "google-dataproc": [
        "Google Cloud Dataproc", "Dataproc", "Cloud Dataproc", "Google Dataproc", "GCP Dataproc",
        "Dataproc Serverless",
    ],
    "amazon-ecr": [
        "Amazon ECR", "AWS ECR", "Elastic Container Registry", "Amazon Elastic Container Registry",
        "ECR",
    ],
    "aws-x-ray": [
        "AWS X-Ray", "Amazon X-Ray", "X-Ray SDK", "X-Ray daemon", "X-Ray service map", "X-Ray",
    ],
    "amazon-eventbridge": [
        "Amazon EventBridge", "EventBridge", "AWS EventBridge", "CloudWatch Events",
        "EventBridge Scheduler", "EventBridge Pipes",
    ],
    "azure-app-service": [
        "Azure App Service", "Azure App Services", "Azure Web Apps", "Azure Web App",
    ],
    "vercel": ["Vercel"],
    "netlify": ["Netlify"],
    "azure-sql-database": [
        "Azure SQL Database", "Azure SQL", "Azure SQL DB", "Azure SQL Managed Instance",
        "Azure SQL MI",
    ],
    "azure-monitor": [
        "Azure Monitor", "Application Insights", "Azure Application Insights",
        "Azure Log Analytics", "Log Analytics workspace", "Azure Monitor Logs",
    ],
    "aws-sam": [
        "AWS SAM", "AWS Serverless Application Model", "Serverless Application Model", "SAM CLI",
        "SAM templates",
    ],
    "aws-codepipeline": [
        "AWS CodePipeline", "CodePipeline", "AWS CodeBuild", "CodeBuild", "AWS CodeDeploy",
        "CodeDeploy", "AWS CodeCommit", "CodeCommit", "AWS Developer Tools",
    ],
    "aws-systems-manager": [
        "AWS Systems Manager", "AWS SSM", "SSM Parameter Store", "Parameter Store",
        "SSM Session Manager", "Systems Manager Parameter Store", "SSM",
    ],
    "aws-cloudtrail": ["AWS CloudTrail", "CloudTrail", "CloudTrail Lake"],
    "aws-dms": [
        "AWS Database Migration Service", "AWS DMS", "Database Migration Service",
        "AWS Schema Conversion Tool",
    ],
    "amazon-quicksight": ["Amazon QuickSight", "QuickSight", "AWS QuickSight"],
    "delta-lake": ["Delta tables", "Delta Live Tables"],
    "iceberg": ["Iceberg table format", "Iceberg"],
    "impala": ["Impala", "impala"],
    "informatica": [
        "Informatica", "Informatica PowerCenter", "Informatica Cloud", "Informatica IICS", "IICS",
        "Informatica Intelligent Cloud Services", "Informatica IDMC", "Informatica Data Quality",
        "Informatica IDQ",
    ],
    "talend": [
        "Talend", "Talend Open Studio", "Talend Data Integration", "Talend Studio", "Talend ETL",
        "Talend Big Data",
    ],
    "dataiku": ["Dataiku", "Dataiku DSS", "Dataiku Data Science Studio"],
    "microstrategy": [
        "MicroStrategy", "MicroStrategy Desktop", "MicroStrategy Workstation", "MSTR",
    ],
    "ibm-datastage": [
        "IBM DataStage", "DataStage", "IBM InfoSphere DataStage", "InfoSphere DataStage",
        "IBM Infosphere Information Server",
    ],
    "ssis": ["SSIS", "SQL Server Integration Services", "MS SSIS", "SSIS packages"],
    "ssrs": ["SSRS", "SQL Server Reporting Services", "MS SSRS"],
    "crystal-reports": ["Crystal Reports", "SAP Crystal Reports", "SAP Crystal"],
    "ssas": ["SSAS", "SQL Server Analysis Services", "Azure Analysis Services", "SSAS Tabular"],
    "spotfire": ["TIBCO Spotfire", "Spotfire"],
    "redash": ["Redash"],
    "spss": ["IBM SPSS", "SPSS", "SPSS Statistics", "IBM SPSS Statistics", "SPSS Modeler"],
    "matplotlib": ["Matplotlib", "pyplot", "matplotlib.pyplot"],
    "plotly": ["Plotly", "Plotly Dash", "Plotly Express", "Dash by Plotly"],
    "scipy": ["SciPy"],
    "data-visualization": ["Data visualization", "data visualisation", "data viz", "dataviz"],
    "dask": ["Dask", "Dask DataFrame", "Dask distributed"],
    "postgis": ["PostGIS"],
    "cloud-firestore": ["Cloud Firestore", "Firestore", "Google Firestore", "Firebase Firestore"],
    "greenplum": ["Greenplum", "Greenplum Database", "VMware Greenplum", "Pivotal Greenplum"],
    "singlestore": ["SingleStore", "SingleStoreDB", "MemSQL"],
    "riak": ["Riak", "Riak KV", "Riak Core", "Riak Search"],
    "citus": ["Citus", "Citus Data", "Azure Cosmos DB for PostgreSQL"],
    "oracle-rac": ["Oracle RAC", "Oracle Real Application Clusters", "Real Application Clusters"],
    "oracle-data-guard": [
        "Oracle Data Guard", "Active Data Guard", "Oracle Active Data Guard", "Data Guard",
    ],
    "percona-xtrabackup": ["Percona XtraBackup", "XtraBackup", "Percona Backup"],
    "bitbucket": ["Bit Bucket"],
    "zsh": ["Zsh", "Z shell", "Oh My Zsh", "oh-my-zsh"],
    "tmux": ["tmux"],
    "awk": ["awk", "gawk", "AWK", "Awk"],
    "sed": ["sed", "GNU sed"],
    "grep": ["grep", "ripgrep", "egrep", "GREP"],
    "servicenow": ["ServiceNow", "ServiceNow ITSM"],
    "java-ee": ["Servlet", "Servlet API", "Jakarta Servlet"],
    "microsoft-dynamics-365": [
        "Microsoft Dynamics 365", "Dynamics 365", "D365", "MS Dynamics 365", "Microsoft Dynamics",
        "MS Dynamics", "Dynamics CRM", "Microsoft Dynamics CRM", "Dynamics AX", "Dynamics NAV",
        "Dynamics 365 Business Central", "Dynamics 365 Finance and Operations",
    ],
    "sharepoint": [
        "SharePoint", "Microsoft SharePoint", "MS SharePoint", "SharePoint Online",
        "SharePoint Server", "SharePoint Framework", "SPFx",
    ],
    "json-net": [
        "Json.NET", "JSON.NET", "Newtonsoft.Json", "Newtonsoft JSON", "Newtonsoft Json.NET",
    ],
    "salesforce": [
        "Salesforce", "Salesforce CRM", "SFDC", "Salesforce.com", "Salesforce Apex",
        "Salesforce Lightning",
    ],
    "aspnet": [
        "ASP.NET", "ASP.NET MVC", "ASP.NET Web Forms", "ASP.NET Web API", "ASP.NET WebForms",
        "ASP .NET", "ASP.NET 4", "Web Forms", "WebForms",
    ],
    "active-record": ["ActiveRecord", "Active Record", "Rails ActiveRecord", "ActiveRecord ORM"],
    "jsf": [
        "JavaServer Faces", "Jakarta Faces", "Jakarta Server Faces", "Java Server Faces",
        "PrimeFaces", "JSF",
    ],
    "mean-stack": ["MEAN stack", "MEAN.js", "MEAN Stack", "MEAN STACK"],
    "mern-stack": ["MERN stack"],
    "camunda": ["Camunda", "Camunda BPM", "Camunda Platform", "Camunda 8", "Zeebe"],
    "wordpress": ["WordPress", "WooCommerce", "WordPress plugins", "WordPress themes"],
    "alembic": ["Alembic"],
    "flyway": ["Flyway", "Flyway migrations"],
    "liquibase": ["Liquibase"],
    "sidekiq": ["Sidekiq"],
    "gevent": ["gevent", "greenlets"],
    "zod": ["Zod"],
    "less": ["LessCSS", "LESS"],
    "vuejs": ["Vue3", "Vue 2", "Vue2"],
    "tailwind-css": ["Tailwind"],
    "frontend-tooling": ["webpack 5", "Webpack Dev Server"],
    "blazor": [
        "Blazor", "Blazor WebAssembly", "Blazor Server", "Blazor WASM", "ASP.NET Core Blazor",
    ],
    "storybook": ["Storybook", "Storybook.js", "StorybookJS"],
    "react-router": ["React Router", "react-router-dom", "React Router DOM"],
    "ant-design": ["Ant Design", "AntD", "Ant Design Pro"],
    "progressive-web-apps": ["Progressive web apps", "Progressive web app", "PWA", "PWAs"],
    "responsive-design": [
        "Responsive design", "responsive web design", "mobile-first design", "responsive layouts",
        "responsive UI",
    ],
    "three-js": ["Three.js", "ThreeJS", "Three JS", "React Three Fiber"],
    "webgl": ["WebGL", "WebGL2", "WebGPU"],
    "windows-forms": ["Windows Forms", "WinForms", "Win Forms"],
    "wpf": ["WPF", "Windows Presentation Foundation", "XAML"],
    "qt": ["Qt", "Qt Quick", "QML", "PyQt", "PySide"],
    "java-swing": ["Swing", "JFC Swing"],
    "javafx": ["JavaFX", "OpenJFX", "FXML"],
    "hotwire": [
        "Hotwire", "Turbo Rails", "Hotwire Turbo", "StimulusJS", "Stimulus.js", "Turbo Streams",
    ],
    "internationalization": [
        "Internationalization", "internationalisation", "i18n", "l10n",
        "localization and internationalization",
    ],
    "red-hat": ["Redhat", "Redhat Linux", "Red Hat Linux"],
    "iis": ["IIS", "Microsoft IIS", "Internet Information Services", "IIS Manager"],
    "gunicorn": ["Gunicorn", "Green Unicorn"],
    "uvicorn": ["Uvicorn"],
    "docker-swarm": ["Docker Swarm", "Docker Swarm mode", "Swarm mode"],
    "kubernetes-operators": [
        "Kubernetes operators", "Kubernetes operator", "K8s operators", "K8s operator",
        "Operator SDK", "Kubebuilder", "Kubernetes controllers", "Kubernetes custom controllers",
        "custom resource definitions",
    ],
    "cilium": ["Cilium", "Cilium CNI", "Cilium Hubble"],
    "ebpf": ["eBPF", "BPF", "bpftrace", "BCC tools"],
    "snmp": ["SNMP", "Simple Network Management Protocol", "SNMPv3", "SNMP v3"],
    "jetty": ["Eclipse Jetty", "Jetty server", "Jetty"],
    "cloud-foundry": [
        "Cloud Foundry", "Pivotal Cloud Foundry", "VMware Tanzu Application Service",
        "Tanzu Application Service",
    ],
    "xen": ["Xen", "Xen hypervisor", "XenServer", "Citrix Hypervisor", "XCP-ng"],
    "suse-linux": ["SUSE Linux Enterprise Server", "SLES", "SUSE Linux", "SUSE", "openSUSE"],
    "raid": ["RAID", "RAID levels", "RAID 10", "RAID 5", "RAID 1", "software RAID", "mdadm"],
    "argo-workflows": ["Argo Workflows", "Argo Events"],
    "argo-rollouts": ["Argo Rollouts"],
    "flagger": ["Flagger"],
    "tekton": ["Tekton", "Tekton Pipelines"],
    "terragrunt": ["Terragrunt"],
    "visual-basic": [
        "Visual Basic", "VB.NET", "Visual Basic .NET", "VB6", "Visual Basic 6", "Visual Basic 6.0",
        "VBScript", "VB",
    ],
    "common-lisp": ["Common Lisp", "SBCL", "LISP", "Lisp"],
    "change-data-capture": ["CDC streams", "log-based CDC", "CDC"],
    "ibm-mq": ["IBM MQ", "WebSphere MQ", "IBM WebSphere MQ", "MQSeries", "MQ Series"],
    "tibco": [
        "TIBCO", "TIBCO EMS", "TIBCO Enterprise Message Service", "TIBCO BusinessWorks",
        "TIBCO BW", "TIBCO Rendezvous",
    ],
    "confluent-platform": ["Confluent Platform", "Confluent Cloud", "ksqlDB", "KSQL"],
    "graylog": ["Graylog"],
    "elastic-apm": ["Elastic APM", "Elastic Observability"],
    "collectd": ["collectd", "CollectD", "Collectd"],
    "rollbar": ["Rollbar"],
    "alertmanager": ["Alertmanager"],
    "cribl": ["Cribl", "Cribl Stream", "Cribl LogStream", "Cribl Edge"],
    "rsyslog": ["rsyslog", "syslog", "syslog-ng"],
    "jvm": ["JVM", "JVM internals", "JVM languages", "HotSpot JVM"],
    "open-policy-agent": [
        "Open Policy Agent", "OPA Gatekeeper", "Rego policies", "Rego language", "OPA",
    ],
    "password-hashing": [
        "Password hashing", "bcrypt", "Argon2", "Argon2id", "scrypt", "PBKDF2", "salted hashes",
    ],
    "webauthn": [
        "WebAuthn", "Passkeys", "Passkey", "FIDO2", "FIDO2 WebAuthn", "Web Authentication API",
    ],
    "network-security": [
        "Network security", "network security engineering", "network hardening",
        "network segmentation",
    ],
    "js-testing": ["Jest.js", "JestJS"],
    "sonarqube": ["Sonar Qube", "SonarLint"],
    "nunit": ["NUnit", "NUnit3", "NUnit 3"],
    "chai": ["Chai", "Chai.js", "ChaiJS"],
    "xunit-net": ["xUnit.net", "xunit.net", "xUnit v2", "xUnit", "XUnit"],
    "moq": ["Moq"],
    "sinon": ["Sinon.js", "SinonJS", "Sinon"],
    "enzyme": ["Enzyme", "Enzyme.js", "Airbnb Enzyme"],
    "phpunit": ["PHPUnit", "PHP Unit"],
    "factory-boy": ["factory_boy", "factory boy", "FactoryBoy", "factory-boy"],
    "page-object-model": ["Page Object Model", "page object pattern", "page objects"],
    "smoke-testing": [
        "Smoke testing", "smoke tests", "smoke test", "sanity testing", "sanity tests",
    ],
    "testcafe": ["TestCafe"],
    "pprof": ["pprof", "go tool pprof", "net/http/pprof"],
}
# fmt: on

# The records added for breadth; each has a prose sentence in PRESENT below.
NEW_RECORDS = (
    "cuda",
    "jax",
    "onnx",
    "ray",
    "recommender-systems",
    "hardhat",
    "json-rpc",
    "apollo-graphql",
    "relay",
    "socket-io",
    "hl7",
    "fhir",
    "twilio",
    "bpmn",
    "uml",
    "mvc",
    "amazon-aurora",
    "azure-synapse",
    "azure-data-factory",
    "aws-glue",
    "amazon-emr",
    "google-dataproc",
    "amazon-ecr",
    "aws-x-ray",
    "amazon-eventbridge",
    "azure-app-service",
    "vercel",
    "netlify",
    "azure-sql-database",
    "azure-monitor",
    "aws-sam",
    "aws-codepipeline",
    "aws-systems-manager",
    "aws-cloudtrail",
    "aws-dms",
    "amazon-quicksight",
    "informatica",
    "talend",
    "dataiku",
    "microstrategy",
    "ibm-datastage",
    "ssis",
    "ssrs",
    "crystal-reports",
    "ssas",
    "spotfire",
    "redash",
    "spss",
    "matplotlib",
    "plotly",
    "scipy",
    "data-visualization",
    "dask",
    "postgis",
    "cloud-firestore",
    "greenplum",
    "singlestore",
    "riak",
    "citus",
    "oracle-rac",
    "oracle-data-guard",
    "percona-xtrabackup",
    "zsh",
    "tmux",
    "awk",
    "sed",
    "grep",
    "servicenow",
    "microsoft-dynamics-365",
    "sharepoint",
    "json-net",
    "salesforce",
    "aspnet",
    "active-record",
    "jsf",
    "mean-stack",
    "mern-stack",
    "camunda",
    "wordpress",
    "alembic",
    "flyway",
    "liquibase",
    "sidekiq",
    "gevent",
    "zod",
    "blazor",
    "storybook",
    "react-router",
    "ant-design",
    "progressive-web-apps",
    "responsive-design",
    "three-js",
    "webgl",
    "windows-forms",
    "wpf",
    "qt",
    "java-swing",
    "javafx",
    "hotwire",
    "internationalization",
    "iis",
    "gunicorn",
    "uvicorn",
    "docker-swarm",
    "kubernetes-operators",
    "cilium",
    "ebpf",
    "snmp",
    "jetty",
    "cloud-foundry",
    "xen",
    "suse-linux",
    "raid",
    "argo-workflows",
    "argo-rollouts",
    "flagger",
    "tekton",
    "terragrunt",
    "visual-basic",
    "common-lisp",
    "ibm-mq",
    "tibco",
    "confluent-platform",
    "graylog",
    "elastic-apm",
    "collectd",
    "rollbar",
    "alertmanager",
    "cribl",
    "rsyslog",
    "jvm",
    "open-policy-agent",
    "password-hashing",
    "webauthn",
    "network-security",
    "nunit",
    "chai",
    "xunit-net",
    "moq",
    "sinon",
    "enzyme",
    "phpunit",
    "factory-boy",
    "page-object-model",
    "smoke-testing",
    "testcafe",
    "pprof",
)


@pytest.mark.parametrize(
    ("skill_id", "form"),
    [(skill_id, form) for skill_id, forms in FORMS.items() for form in forms],
)
def test_breadth_form_is_found_in_a_skills_list(extract, skill_id: str, form: str) -> None:
    assert skill_id in _claimed(extract(resume_text([form, "Linux"])))


# (kind, text, skill ids that must be claimed): the products in ordinary technical prose.
PRESENT = [
    ("job", "Experience with RPC protocols (e.g., gRPC, Thrift).", ["apache-thrift", "grpc"]),
    ("resume", "Built Thrift services in Java and Python.", ["apache-thrift"]),
    ("resume", "Customised Microsoft Dynamics 365 with C# plug-ins.", ["microsoft-dynamics-365"]),
    (
        "job",
        "Experience with Dynamics 365 or Dynamics CRM integrations is a plus.",
        ["microsoft-dynamics-365"],
    ),
    ("resume", "Wrote unit tests with NUnit for .NET services.", ["nunit"]),
    ("resume", "Deployed ASP.NET apps to IIS on Windows Server.", ["iis", "aspnet"]),
    ("resume", "Built an admin UI in Blazor WebAssembly.", ["blazor"]),
    ("resume", "Geospatial queries with PostGIS on PostgreSQL.", ["postgis", "postgresql"]),
    ("resume", "Built SharePoint Online intranet sites and SPFx web parts.", ["sharepoint"]),
    ("resume", "Tests use Mocha and Chai.", ["mocha", "chai"]),
    ("resume", "Front-end: React, HTML5, LESS, SASS", ["less", "sass"]),
    ("resume", "Styled the app with Less CSS.", ["less"]),
    ("resume", "Built ETL with Informatica PowerCenter and Talend.", ["informatica", "talend"]),
    (
        "resume",
        "Loaded data into Azure Synapse with Azure Data Factory pipelines.",
        ["azure-synapse", "azure-data-factory"],
    ),
    (
        "resume",
        "Skills: ADF, Databricks, Synapse Analytics, Azure",
        ["azure-data-factory", "azure-synapse"],
    ),
    ("resume", "Built ML flows in Dataiku DSS.", ["dataiku"]),
    ("resume", "Dashboards in MicroStrategy and Tableau.", ["microstrategy", "tableau"]),
    ("resume", "Served Flask with Gunicorn behind Nginx.", ["gunicorn", "flask"]),
    ("resume", "Ran FastAPI under Uvicorn workers.", ["uvicorn"]),
    ("job", "Experience with Apache Iceberg or Delta Lake.", ["iceberg", "delta-lake"]),
    ("resume", "Stack: Spark, Iceberg, Trino, Airflow", ["iceberg"]),
    ("job", "Comfortable on AWS (RDS, Aurora, EC2)", ["amazon-aurora", "amazon-rds"]),
    ("job", "2+ years of experience managing MySQL and AWS Aurora", ["amazon-aurora", "mysql"]),
    ("resume", "Serialisation with JSON.NET and Newtonsoft.Json in C#.", ["json-net"]),
    (
        "job",
        "Familiarity with Salesforce data models and integrating Salesforce with other systems.",
        ["salesforce"],
    ),
    ("resume", "Built ETL jobs in AWS Glue and Amazon EMR.", ["aws-glue", "amazon-emr"]),
    (
        "resume",
        "Ran Spark on Dataproc and pushed images to ECR.",
        ["google-dataproc", "amazon-ecr"],
    ),
    (
        "job",
        "Tracing with AWS X-Ray and events on EventBridge.",
        ["aws-x-ray", "amazon-eventbridge"],
    ),
    (
        "resume",
        "Structured logging, CloudWatch metrics and X-Ray traces for every function.",
        ["aws-x-ray", "distributed-tracing"],
    ),
    (
        "resume",
        "Deployed to Azure App Service, Vercel and Netlify.",
        ["azure-app-service", "vercel", "netlify"],
    ),
    ("resume", "Stored documents in Firestore.", ["cloud-firestore"]),
    ("resume", "Warehouse on Greenplum and SingleStore.", ["greenplum", "singlestore"]),
    ("resume", "Skills: Riak, Citus, Cassandra", ["riak", "citus"]),
    (
        "resume",
        "Administered Oracle RAC and Oracle Data Guard on Oracle 19c.",
        ["oracle-rac", "oracle-data-guard", "oracle"],
    ),
    ("resume", "Backups with Percona XtraBackup for MySQL.", ["percona-xtrabackup", "mysql"]),
    (
        "resume",
        "ETL with IBM DataStage, SSIS and SSRS reports; SSAS cubes.",
        ["ibm-datastage", "ssis", "ssrs", "ssas"],
    ),
    ("resume", "Built invoices in Crystal Reports.", ["crystal-reports"]),
    (
        "resume",
        "Dashboards in Spotfire and Redash; statistics in SPSS.",
        ["spotfire", "redash", "spss"],
    ),
    ("resume", "Plotted with Matplotlib, Plotly and SciPy.", ["matplotlib", "plotly", "scipy"]),
    ("resume", "Data visualization with Tableau.", ["data-visualization"]),
    ("resume", "Ran Dask on a cluster for pandas workloads.", ["dask"]),
    ("resume", "Orchestrated containers with Docker Swarm.", ["docker-swarm"]),
    (
        "resume",
        "Wrote Kubernetes operators in Go with Kubebuilder.",
        ["kubernetes-operators", "go"],
    ),
    ("resume", "Cilium and eBPF for cluster networking.", ["cilium", "ebpf"]),
    ("resume", "Monitored switches over SNMP.", ["snmp"]),
    ("resume", "Served the Java app on Jetty.", ["jetty", "java"]),
    ("resume", "Deployed apps to Pivotal Cloud Foundry.", ["cloud-foundry"]),
    (
        "resume",
        "Virtualised servers on Xen and SUSE Linux Enterprise Server.",
        ["xen", "suse-linux"],
    ),
    ("resume", "Configured RAID 10 arrays with mdadm on Linux servers.", ["raid"]),
    (
        "resume",
        "Logs in Graylog, Cribl and rsyslog; errors in Rollbar.",
        ["graylog", "cribl", "rsyslog", "rollbar"],
    ),
    ("resume", "Introduced Elastic APM for distributed tracing.", ["elastic-apm"]),
    ("resume", "Alerting with Prometheus Alertmanager.", ["alertmanager", "prometheus"]),
    ("resume", "Host metrics with collectd.", ["collectd"]),
    ("resume", "Messaging on IBM MQ and TIBCO EMS.", ["ibm-mq", "tibco"]),
    ("resume", "Exposed a JSON-RPC API and a Socket.IO chat.", ["json-rpc", "socket-io"]),
    (
        "resume",
        "Built GraphQL with Apollo Server and Relay.",
        ["apollo-graphql", "relay", "graphql"],
    ),
    ("resume", "Integrated HL7 and FHIR interfaces for hospitals.", ["hl7", "fhir"]),
    ("resume", "Sent SMS with Twilio.", ["twilio"]),
    ("resume", "Maintained ASP.NET MVC apps.", ["aspnet"]),
    ("resume", "Models in ActiveRecord with Sidekiq jobs.", ["active-record", "sidekiq"]),
    ("resume", "Built JSF pages with PrimeFaces.", ["jsf"]),
    ("resume", "Full-stack MEAN stack and MERN stack developer.", ["mean-stack", "mern-stack"]),
    ("resume", "Process automation with Camunda and BPMN.", ["camunda", "bpmn"]),
    ("resume", "Built WordPress plugins in PHP.", ["wordpress", "php"]),
    (
        "resume",
        "Migrations with Alembic and Flyway; Liquibase in Java.",
        ["alembic", "flyway", "liquibase"],
    ),
    ("resume", "Async workers with gevent.", ["gevent"]),
    ("resume", "Validated requests with Zod.", ["zod"]),
    ("resume", "Tests with xUnit and Moq.", ["xunit-net", "moq"]),
    ("resume", "JS tests with Sinon and Enzyme.", ["sinon", "enzyme"]),
    (
        "resume",
        "PHPUnit tests for Laravel; factory_boy fixtures for Django.",
        ["phpunit", "factory-boy"],
    ),
    (
        "resume",
        "Page Object Model tests with Selenium and smoke tests after deploys.",
        ["page-object-model", "smoke-testing"],
    ),
    ("resume", "End-to-end tests with TestCafe.", ["testcafe"]),
    ("resume", "Profiled Go services with pprof.", ["pprof"]),
    ("resume", "Components documented in Storybook.", ["storybook"]),
    ("resume", "Routing with React Router; UI with Ant Design.", ["react-router", "ant-design"]),
    (
        "resume",
        "Built a PWA with responsive design.",
        ["progressive-web-apps", "responsive-design"],
    ),
    ("resume", "3D scenes with Three.js and WebGL.", ["three-js", "webgl"]),
    ("resume", "Desktop apps in WinForms and WPF.", ["windows-forms", "wpf"]),
    ("resume", "C++ with Qt.", ["qt"]),
    ("resume", "Built custom UI framework in Java Swing.", ["java-swing", "java"]),
    ("resume", "Built desktop apps with JavaFX.", ["javafx"]),
    ("resume", "Rails frontend with Hotwire.", ["hotwire"]),
    ("resume", "Added i18n support to the web app.", ["internationalization"]),
    ("resume", "Maintained VB.NET and VB6 code.", ["visual-basic"]),
    ("resume", "Wrote Common Lisp macros.", ["common-lisp"]),
    ("resume", "Daily tools: Zsh, tmux, awk, sed, grep", ["zsh", "tmux", "awk", "sed", "grep"]),
    ("resume", "Tickets in ServiceNow and Jira.", ["servicenow"]),
    ("resume", "Policies in Open Policy Agent (OPA).", ["open-policy-agent"]),
    ("resume", "Hashed passwords with bcrypt and Argon2.", ["password-hashing"]),
    ("resume", "Added passkeys with WebAuthn.", ["webauthn"]),
    ("resume", "Network security and firewalls for the office.", ["network-security"]),
    ("resume", "Trained models with CUDA, JAX and ONNX.", ["cuda", "jax", "onnx"]),
    ("resume", "Infrastructure: Kubernetes, Ray, distributed training, AWS, GCP", ["ray"]),
    ("resume", "Built recommender systems with collaborative filtering.", ["recommender-systems"]),
    ("resume", "Smart contracts with Solidity and Hardhat.", ["hardhat"]),
    ("resume", "Worked on JVM internals and GC tuning.", ["jvm"]),
    ("resume", "UML and MVC design for the ordering service.", ["uml", "mvc"]),
    (
        "resume",
        "Built CI with AWS CodePipeline and CodeBuild; deployed with AWS SAM.",
        ["aws-codepipeline", "aws-sam"],
    ),
    ("resume", "Migrated MySQL databases with AWS DMS.", ["aws-dms"]),
    (
        "resume",
        "Secrets in SSM Parameter Store; audit with CloudTrail.",
        ["aws-systems-manager", "aws-cloudtrail"],
    ),
    ("resume", "Dashboards in QuickSight over Athena.", ["amazon-quicksight"]),
    (
        "resume",
        "Telemetry in Application Insights; data in Azure SQL Database.",
        ["azure-monitor", "azure-sql-database"],
    ),
    (
        "resume",
        "Canary releases with Argo Rollouts and Flagger, jobs on Argo Workflows, "
        "pipelines in Tekton.",
        ["argo-rollouts", "flagger", "argo-workflows", "tekton"],
    ),
    ("resume", "Infrastructure with Terraform and Terragrunt.", ["terragrunt", "terraform"]),
    ("resume", "Streams on Confluent Cloud with ksqlDB.", ["confluent-platform"]),
    ("resume", "Skills: hadoop, hive, impala, spark", ["impala"]),
    ("resume", "Skills: Kafka, Debezium, CDC", ["change-data-capture"]),
    ("resume", "Stack: Nuxt, Vue, TypeScript, Tailwind, Vitest", ["tailwind-css"]),
    ("resume", "Bundled with webpack and Vite.", ["frontend-tooling"]),
    ("resume", "Servers: Redhat Linux 7.4", ["red-hat"]),
    ("resume", "Implemented Java Servlet endpoints.", ["java-ee", "java"]),
]


@pytest.mark.parametrize(("kind", "text", "present"), PRESENT)
def test_breadth_products_are_found_in_prose(
    extract, kind: str, text: str, present: list[str]
) -> None:
    assert set(present) <= _claimed(extract(text, kind))


# (kind, text, skill ids that must not be named at all): the English word, the name, the
# neighbouring word one letter away.
ABSENT = [
    ("resume", "I love shopping at the thrift store on weekends.", ["apache-thrift"]),
    (
        "job",
        "Benefits include matching contributions to the Thrift Savings Plan.",
        ["apache-thrift"],
    ),
    (
        "resume",
        "Studied fluid dynamics and group dynamics at university.",
        ["microsoft-dynamics-365"],
    ),
    ("resume", "He iis a typo-prone writer.", ["iis"]),
    ("resume", "I had a chai latte and a mocha at the cafe.", ["chai", "mocha"]),
    ("resume", "Chai latte with oat milk, please.", ["chai"]),
    ("resume", "Mocha and croissants every Friday for the team.", ["mocha"]),
    ("resume", "Less is more when it comes to meetings.", ["less"]),
    ("resume", "I spent less than a year there.", ["less"]),
    ("resume", "NO LESS THAN FIVE YEARS IN THE ROLE.", ["less"]),
    (
        "resume",
        "Skill Details\npython- Exprience - Less than 1 year months\nhdfs- Exprience - "
        "Less than 1 year months",
        ["less"],
    ),
    ("resume", "Neurons communicate across a synapse.", ["azure-synapse"]),
    ("resume", "The ADF scanner jammed again.", ["azure-data-factory"]),
    ("resume", "This is just the tip of the iceberg for our data platform.", ["iceberg"]),
    ("resume", "Iceberg ahead, the captain said.", ["iceberg"]),
    ("resume", "We watched the aurora borealis in Norway.", ["amazon-aurora"]),
    ("resume", "Aurora Borealis photography trips with the team.", ["amazon-aurora"]),
    ("resume", "Aurora Smith, HR manager, signed the offer.", ["amazon-aurora"]),
    ("resume", "The glue that holds the team together.", ["aws-glue"]),
    ("job", "The nurse will assist with X-ray and MRI scheduling for patients.", ["aws-x-ray"]),
    ("resume", "Chest X-Ray and CT scans are read by the radiology team.", ["aws-x-ray"]),
    ("resume", "We walked along the jetty at sunset.", ["jetty"]),
    ("resume", "The Jetty Restaurant hosted our team dinner.", ["jetty"]),
    ("resume", "The police raid made headlines.", ["raid"]),
    ("resume", "Please relay the message to the team.", ["relay"]),
    ("resume", "The mean stack height was 3 metres.", ["mean-stack"]),
    ("resume", "The enzyme breaks down proteins in the lab.", ["enzyme"]),
    ("resume", "She read a storybook to the children.", ["storybook"]),
    ("resume", "Swing shifts available on weekends.", ["java-swing"]),
    ("resume", "The project is in full swing.", ["java-swing"]),
    ("resume", "He speaks with a slight lisp.", ["common-lisp"]),
    ("resume", "Lorem ipsum dolor sit amet, sed do eiusmod tempor.", ["sed"]),
    ("resume", "Ray Smith, HR manager, signed the offer.", ["ray"]),
    ("resume", "A ray of light came through the window.", ["ray"]),
    ("resume", "Wear a hardhat on the construction site.", ["hardhat"]),
    ("resume", "Strong tailwinds in the market helped sales.", ["tailwind-css"]),
    ("resume", "We collect feedback from customers every week.", ["collectd"]),
    ("resume", "Built web forms for customer onboarding.", ["aspnet"]),
    ("resume", "Visited the new power center downtown.", ["informatica"]),
    ("resume", "Birds follow the Atlantic flyway south.", ["flyway"]),
    ("resume", "He learned to hotwire a car.", ["hotwire"]),
    ("job", "Follow CDC guidelines for infection control.", ["change-data-capture"]),
    ("resume", "We saw an impala on safari.", ["impala"]),
    ("resume", "Sinon, nous livrons les colis le lendemain.", ["sinon"]),
]


@pytest.mark.parametrize(("kind", "text", "absent"), ABSENT)
def test_breadth_english_words_stay_silent(
    extract, kind: str, text: str, absent: list[str]
) -> None:
    assert not set(absent) & _named(extract(text, kind))


def test_breadth_every_new_record_exists_and_has_a_prose_row(taxonomy) -> None:
    in_prose = {skill_id for _, _, present in PRESENT for skill_id in present}
    assert [skill_id for skill_id in NEW_RECORDS if skill_id not in taxonomy.skills] == []
    assert [skill_id for skill_id in NEW_RECORDS if skill_id not in in_prose] == []
    assert set(NEW_RECORDS) <= set(FORMS)


@pytest.mark.parametrize(
    ("alias", "expected"),
    [
        ("Postgres", "PostgreSQL"),
        ("k8s", "Kubernetes"),
        ("golang", "Go"),
        ("NodeJS", "Node.js"),
        ("JS", "JavaScript"),
        (".NET Core", ".NET"),
        ("GCP", "Google Cloud"),
        ("Mongo", "MongoDB"),
    ],
)
@pytest.mark.parametrize(
    "template",
    [
        "Skills: {alias}, Linux\n",
        "Experience\nBuilt backend services with {alias} in production.\n",
    ],
    ids=["skills-list", "sentence"],
)
def test_taxonomy_alias_resolves_by_matching(
    extract, alias: str, expected: str, template: str
) -> None:
    profile = extract(template.format(alias=alias), "resume")
    names = {skill.name for skill in profile.skills}
    assert expected in names
    mention = next(m for s in profile.skills if s.name == expected for m in s.mentions)
    assert mention.text == alias


@needs_floor
@pytest.mark.parametrize("name", FLOOR)
def test_taxonomy_every_floor_name_is_extracted_from_a_skills_list(extract, name: str) -> None:
    profile = extract(f"Jane Doe\nSkills: {name}\n", "resume")
    assert name in {skill.name for skill in profile.skills}


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Moved the audit-log API to keyset paging.", "resume", "Pagination"),
        ("Cursor-based paging on every list endpoint.", "resume", "Pagination"),
        ("You know relational database design and SQL well.", "job", "Database design"),
    ],
)
def test_taxonomy_concept_alias_in_a_sentence(extract, text: str, kind: str, expected: str) -> None:
    assert expected in {skill.name for skill in extract(text, kind).skills}
