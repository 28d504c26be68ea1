from django.db import migrations

INTRO = (
    "<p>This site is where ministries, police units, child helplines, prosecutors and "
    "civil society co-draft national plans of action against online child sexual "
    "exploitation and abuse, structured by the WePROTECT Global Alliance Model National "
    "Response.</p>"
    "<p>Each plan is reviewed before it is published here, and every agency then reports "
    "progress on the commitments it leads. Read a plan, see who is responsible for what, "
    "and download it.</p>"
)


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("home.HomePage")

    # Wagtail's initial data adds a placeholder "Welcome" page and a Site for it.
    Site.objects.all().delete()
    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()

    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    locale = Locale.objects.order_by("pk").first()
    homepage = HomePage.objects.create(
        title="National action plans against online child sexual exploitation",
        draft_title="National action plans against online child sexual exploitation",
        seo_title="",
        intro=INTRO,
        slug="home",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        live=True,
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.create(
        hostname="localhost", port=80, root_page_id=homepage.pk, is_default_site=True
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
