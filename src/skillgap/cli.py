"""The ``skillgap`` command line: it parses arguments, calls the library and renders.

Exit status, in one place:

- 0: success;
- 1: ``compare --fail-under N`` and the score is below N (the report is still written);
- 2: usage error or bad input, with one line on standard error that starts
  ``skillgap: error:``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from typer.exceptions import Abort, Exit, TyperException

from skillgap.errors import SkillgapError

EXIT_OK, EXIT_BELOW_THRESHOLD, EXIT_INPUT = 0, 1, 2

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Compare a résumé with a job ad: matched, partial and missing backend skills.",
)
taxonomy_app = typer.Typer(no_args_is_help=True, help="Inspect the skill taxonomy.")
app.add_typer(taxonomy_app, name="taxonomy")


class ReportFormat(str, Enum):
    text = "text"
    json = "json"


class CompareFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


class KindOption(str, Enum):
    resume = "resume"
    job = "job"


FormatOpt = Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
]
ColorOpt = Annotated[
    bool | None, typer.Option("--color/--no-color", help="Colour (default: on a terminal).")
]


@app.command()
def compare(
    resume: Annotated[str, typer.Argument(help="Résumé: .pdf, .txt, .md, or - for stdin.")],
    job: Annotated[str, typer.Argument(help="Job ad: .pdf, .txt, .md, or - for stdin.")],
    format: Annotated[
        CompareFormat, typer.Option("--format", "-f", help="Output format.")
    ] = CompareFormat.text,
    output: OutputOpt = None,
    color: ColorOpt = None,
    fail_under: Annotated[
        int | None,
        typer.Option(
            "--fail-under",
            min=0,
            max=100,
            help="Exit with status 1 when the score is below this (0-100).",
        ),
    ] = None,
) -> None:
    """Compare RESUME with JOB and print the gap report.

    Example: skillgap compare resume.pdf job.txt --format html --output report.html
    """
    from skillgap.analyzer import Analyzer
    from skillgap.compare import compare_profiles
    from skillgap.render import report_text, to_console
    from skillgap.render_html import report_html
    from skillgap.render_markdown import report_markdown

    if resume == "-" and job == "-":
        raise SkillgapError("only one of RESUME and JOB can be read from standard input (-)")
    analyzer = Analyzer()
    resume_profile = analyzer.extract(resume, "resume")
    job_profile = analyzer.extract(job, "job")
    report = compare_profiles(resume_profile, job_profile, analyzer.taxonomy)
    if format is CompareFormat.json:
        _emit(report.model_dump_json(indent=2) + "\n", output)
    elif format is CompareFormat.markdown:
        _emit(report_markdown(report), output)
    elif format is CompareFormat.html:
        _emit(report_html(report), output)
    else:
        _emit(to_console(report_text(report), color=_color(color, output)), output)
    if fail_under is not None and report.score < fail_under:
        raise typer.Exit(EXIT_BELOW_THRESHOLD)


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="Document: .pdf, .txt, .md, or - for stdin.")],
    kind: Annotated[
        KindOption | None,
        typer.Option("--kind", "-k", help="Document kind (default: guessed from its headings)."),
    ] = None,
    format: FormatOpt = ReportFormat.text,
    output: OutputOpt = None,
    color: ColorOpt = None,
) -> None:
    """Extract the skills FILE claims (résumé) or asks for (job).

    Example: skillgap extract job.txt --kind job --format json
    """
    from skillgap.analyzer import Analyzer, to_document
    from skillgap.render import profile_text, to_console
    from skillgap.sections import guess_kind

    document = to_document(Path(file) if file != "-" else file)
    chosen = kind.value if kind else guess_kind(document.text)
    profile = Analyzer().extract(document, chosen)  # type: ignore[arg-type]
    if format is ReportFormat.json:
        _emit(profile.model_dump_json(indent=2) + "\n", output)
    else:
        _emit(to_console(profile_text(profile), color=_color(color, output)), output)


@taxonomy_app.command("list")
def taxonomy_list() -> None:
    """One skill per line: id, name, category (tab-separated)."""
    from skillgap.taxonomy import Taxonomy

    for skill in sorted(Taxonomy.default(), key=lambda s: (s.category, s.id)):
        print(f"{skill.id}\t{skill.name}\t{skill.category}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the compare report."""
    from skillgap.models import GapReport

    print(json.dumps(GapReport.model_json_schema(), indent=2))


def _color(choice: bool | None, output: Path | None) -> bool | None:
    if output is not None:
        return False
    return choice


def _emit(content: str, output: Path | None) -> None:
    """Print, or write the file atomically so a reader never sees half a report."""
    if output is None:
        sys.stdout.write(content)
        return
    directory = output.parent if str(output.parent) else Path(".")
    try:
        handle, temp = tempfile.mkstemp(dir=directory, prefix=f".{output.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(content)
        os.replace(temp, output)
    except OSError as error:
        raise SkillgapError(f"{output}: cannot write output ({error.strerror})") from None


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; map every expected failure to exit status 2 and one line on stderr."""
    command = typer.main.get_command(app)
    try:
        status = command.main(args=argv, prog_name="skillgap", standalone_mode=False)
    except SkillgapError as error:
        return _fail(str(error))
    except TyperException as error:  # usage errors: unknown option, missing argument, ...
        context = getattr(error, "ctx", None)
        where = context.command_path if context is not None else "skillgap"
        if type(error).__name__ == "NoArgsIsHelpError" and context is not None:
            print(context.get_help())
            return _fail(f"missing command or argument; see '{where} --help'")
        message = " ".join(error.format_message().split())
        return _fail(f"{message} (see '{where} --help')")
    except Exit as done:
        return done.exit_code
    except Abort:
        return _fail("aborted")
    except BrokenPipeError:
        return EXIT_OK
    return status if isinstance(status, int) else EXIT_OK  # click returns typer.Exit's code


def _fail(message: str) -> int:
    print(f"skillgap: error: {message}", file=sys.stderr)
    return EXIT_INPUT


if __name__ == "__main__":
    sys.exit(main())
