"""Every docstring example of the installed package runs, imported by its installed name.

The source folders (`corpus/`, `nlp/`, ...) install as `vnpolicy.corpus`, `vnpolicy.nlp`, ...;
collecting their doctests by file path would import them a second time under the folder's
name, so the modules are walked through `vnpolicy` instead.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import vnpolicy


def _module_names() -> list[str]:
    names = ["vnpolicy"]
    for info in pkgutil.walk_packages(vnpolicy.__path__, "vnpolicy."):
        if not info.name.endswith("__main__"):
            names.append(info.name)
    for sub in ("corpus", "nlp", "extractors", "outputs"):
        package = importlib.import_module(f"vnpolicy.{sub}")
        names.append(package.__name__)
        names += [i.name for i in pkgutil.walk_packages(package.__path__, f"{package.__name__}.")]
    return sorted(set(names))


MODULES = _module_names()


def test_every_source_folder_is_walked():
    for sub in ("corpus", "nlp", "extractors", "outputs", "web", "commands"):
        assert any(name.startswith(f"vnpolicy.{sub}.") for name in MODULES), sub


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str):
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(module, name):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} doctest example(s) failed in {name}"
