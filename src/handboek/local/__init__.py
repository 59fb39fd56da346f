"""A municipality's local layer: the folder `lokaal/` that upstream never writes.

A municipality forks the handbook and puts everything of its own in
`lokaal/`, so `git merge upstream/main` never conflicts:

    lokaal/gemeente.yml              name, site name, web address, logo, colours
    lokaal/<logo>.svg or .png        the logo that gemeente.yml names (optional)
    lokaal/omgevingen/<slug>.yml     per environment: bridge builders, initiatives, notes
    lokaal/paginas/contact.md        the contact page (required)
    lokaal/paginas/<naam>.md         other pages, e.g. accessibility and privacy statements

The flow matches the rest of the package: read files -> parse with line
numbers (`frontmatter` and `local.files`, with the fields of `local.fields`)
-> validate (`municipality` for gemeente.yml, `environments` for
omgevingen/, `colours`, `drift`; `layer` checks the pages and the whole) ->
model (`model.LocalLayer`) -> render (`render`). `check.check_content` calls
`layer.check_layer`, so `handboek check` and the build report the same
problems. `scaffold` starts a layer, `review` records which upstream text a
note was written against (writing through `atomic`, which never loses a
byte), and `commands` adds both to the `handboek` command as `handboek
gemeente ...`.

Keeping a fork up to date:

    renames        an environment's `eerdere_namen`: old file and link names keep working
    manifest       fingerprints of upstream's files (`handboek vingerafdrukken`), and a
                   notice for each one the fork changed outside lokaal/
    workflows      what the fork's GitHub workflows do (set up, update, mark reviewed),
                   called by scripts/gemeente_workflow.py
    pullrequests   the Dutch texts of their pull requests, with the check's result
    github         the few REST API calls, with GitHub's refusals explained in Dutch
"""
