"""Wagtail's initial data leaves a "Moderators approval" workflow on the root page (read
as used by 3 pages beside the countries' real workflows) and the "Moderators" and
"Editors" groups, none of which this site uses: its reviews are the countries' workflows
and its groups are made per country and agency. Removed where nobody relies on them."""

from django.db import migrations

WORKFLOW = "Moderators approval"
GROUPS = ("Moderators", "Editors")


def remove_defaults(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "GroupApprovalTask")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    Group = apps.get_model("auth", "Group")
    for workflow in Workflow.objects.filter(name=WORKFLOW):
        if not WorkflowState.objects.filter(workflow=workflow).exists():
            workflow.delete()
    # The task, once no workflow uses it and nothing was ever reviewed in it.
    Task.objects.filter(
        name=WORKFLOW, workflow_tasks__isnull=True, task_states__isnull=True
    ).delete()
    Group.objects.filter(name__in=GROUPS, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_trigram_extension"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(remove_defaults, migrations.RunPython.noop)]
