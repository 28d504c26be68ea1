"""What approval does: Wagtail's finishing action for workflows, bound to the country's
reviewers (setting WAGTAIL_FINISH_WORKFLOW_ACTION)."""


def publish_workflow_state(workflow_state, user=None):
    """Publish what the final approver approved.

    Wagtail's default publishes "as the approver" and checks model-wide publish rights,
    which per-object rights never give: the approval then rolls back silently and the item
    stays in moderation. When the final step is the object's own country review, its
    approve action was only offered to that country's reviewers, so the check has been
    made; anything else keeps Wagtail's checks.
    """
    # Wagtail imports this function while it defines its own models: ours are not
    # importable yet when this module is.
    from plans.models.workflows import CountryReviewTask

    content = workflow_state.content_object
    revision = content.get_latest_revision()
    final_task = workflow_state.workflow.tasks.last()
    final_task = final_task.specific if final_task else None
    country_bound = isinstance(final_task, CountryReviewTask) and (
        user is not None and final_task.user_may_review(content, user)
    )
    revision.publish(user=user, skip_permission_checks=country_bound)
