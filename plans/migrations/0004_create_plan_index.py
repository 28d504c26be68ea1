from django.db import migrations

INTRO = (
    "<p>National plans of action against online child sexual exploitation and abuse, "
    "published after review. Each plan sets out, capability by capability of the Model "
    "National Response, what each agency has committed to do and how far it has got.</p>"
)


def create_plan_index(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    HomePage = apps.get_model("home.HomePage")
    PlanIndexPage = apps.get_model("plans.PlanIndexPage")

    home = HomePage.objects.filter(depth=2).order_by("path").first()
    if home is None or PlanIndexPage.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="plans", model="planindexpage")
    # Treebeard paths: the home page's first child gets the next 4-character step.
    existing = apps.get_model("wagtailcore.Page").objects.filter(
        path__startswith=home.path, depth=home.depth + 1
    )
    last = existing.order_by("-path").values_list("path", flat=True).first()
    step = int(last[-4:], 36) + 1 if last else 1
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    suffix = ""
    for _position in range(4):
        step, remainder = divmod(step, 36)
        suffix = alphabet[remainder] + suffix
    PlanIndexPage.objects.create(
        title="National plans of action",
        draft_title="National plans of action",
        slug="plans",
        intro=INTRO,
        content_type=content_type,
        path=home.path + suffix,
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}plans/",
        locale_id=home.locale_id,
        live=True,
    )
    home.numchild = existing.count() + 1
    home.save(update_fields=["numchild"])


def remove_plan_index(apps, schema_editor):
    apps.get_model("plans.PlanIndexPage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("plans", "0003_plans_and_commitments"), ("home", "0002_create_homepage")]

    operations = [migrations.RunPython(create_plan_index, remove_plan_index)]
