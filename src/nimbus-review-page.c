/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPDX-FileCopyrightText: The Nimbus authors */
#define G_LOG_DOMAIN "nimbus-review-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "nimbus-accessible.h"
#include "nimbus-block-widgets.h"
#include "nimbus-review-page.h"

/* The review of the weak areas: one item at a time, weakest first, each answered as known
 * or still weak, then how many were known. */
struct _NimbusReviewPage
{
  GtkWidget parent_instance;

  GtkStack *stack;
  AdwStatusPage *done_page;
  GtkLabel *review_progress;
  GtkBox *review_content;
  GtkButton *stop_button;
  GtkButton *still_weak_button;
  GtkButton *knew_it_button;

  NimbusKb *kb;
  NimbusUserStore *store;
  GPtrArray *queue;       /* NimbusFlag under review */
  guint position;
  guint known;
};

G_DEFINE_FINAL_TYPE (NimbusReviewPage, nimbus_review_page, GTK_TYPE_WIDGET)

enum {
  STOPPED,
  ADD_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_actions (NimbusReviewPage *self)
{
  gboolean writable = self->store != NULL && nimbus_user_store_is_writable (self->store);
  /* Answering, by button or key, only while an item is shown for review. */
  gboolean reviewing = self->queue != NULL && self->position < self->queue->len;

  g_assert (NIMBUS_IS_REVIEW_PAGE (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.answer", writable && reviewing);
}

void
nimbus_review_page_set_sources (NimbusReviewPage *self,
                                NimbusKb         *kb,
                                NimbusUserStore  *store)
{
  g_return_if_fail (NIMBUS_IS_REVIEW_PAGE (self));

  g_set_object (&self->kb, kb);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  update_actions (self);
}

static void
show_gone (NimbusReviewPage *self)
{
  g_assert (NIMBUS_IS_REVIEW_PAGE (self));

  gtk_box_append (self->review_content,
                  nimbus_text_label_new (_("This item is no longer in the knowledge base. "
                                           "Remove it, or keep it as a reminder."), "dim-label"));
}

static void
show_item (NimbusReviewPage *self)
{
  const NimbusFlag *flag = g_ptr_array_index (self->queue, self->position);
  g_autofree char *service_id = nimbus_id_dup_service_id (flag->id);
  g_autofree char *section_id = nimbus_id_dup_section_id (flag->id);
  g_autofree char *title = self->kb != NULL ? nimbus_kb_lookup_title (self->kb, flag->id) : NULL;
  g_autofree char *progress = NULL;
  g_autoptr(NimbusEntry) entry = NULL;
  const NimbusSection *section = NULL;
  GtkWidget *child;

  g_assert (NIMBUS_IS_REVIEW_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->review_content))) != NULL)
    gtk_box_remove (self->review_content, child);

  /* Translators: review progress, "2 of 7" */
  progress = g_strdup_printf (_("%u of %u"), self->position + 1, self->queue->len);
  gtk_label_set_text (self->review_progress, progress);
  gtk_box_append (self->review_content,
                  nimbus_text_label_new (title != NULL ? title
                                                       : _("No longer in the knowledge base"),
                                         "title-1"));

  if (self->kb != NULL)
    entry = nimbus_kb_load_entry (self->kb, service_id, NULL);
  if (entry != NULL && section_id != NULL)
    section = nimbus_entry_find_section (entry, section_id);

  if (section == NULL)
    {
      show_gone (self);
      return;
    }

  for (guint i = 0; i < section->blocks->len; i++)
    {
      const NimbusBlock *block = g_ptr_array_index (section->blocks, i);
      GtkWidget *widget;

      /* A flagged tip is shown alone; a flagged section whole. */
      if (strchr (flag->id, '#') != NULL && g_strcmp0 (block->id, flag->id) != 0)
        continue;
      if ((widget = nimbus_block_widget_new (block)) != NULL)
        gtk_box_append (self->review_content, widget);
    }
}

/* Starts a review of the flags due, weakest first; FALSE when there is nothing to review. */
gboolean
nimbus_review_page_start (NimbusReviewPage *self)
{
  g_return_val_if_fail (NIMBUS_IS_REVIEW_PAGE (self), FALSE);

  g_clear_pointer (&self->queue, g_ptr_array_unref);
  self->queue = self->store != NULL ? nimbus_user_store_list_for_review (self->store, NULL)
                                    : NULL;
  self->position = 0;
  self->known = 0;

  if (self->queue != NULL && self->queue->len == 0)
    g_clear_pointer (&self->queue, g_ptr_array_unref);
  update_actions (self);
  if (self->queue == NULL)
    return FALSE;

  show_item (self);
  gtk_stack_set_visible_child_name (self->stack, "review");
  return TRUE;
}

/* A review started and not stopped, its items or its result on show. */
gboolean
nimbus_review_page_is_reviewing (NimbusReviewPage *self)
{
  g_return_val_if_fail (NIMBUS_IS_REVIEW_PAGE (self), FALSE);

  return self->queue != NULL;
}

static void
show_done (NimbusReviewPage *self)
{
  g_autofree char *result = NULL;

  g_assert (NIMBUS_IS_REVIEW_PAGE (self));

  /* Translators: at the end of a review, "You knew 3 of 5." */
  result = g_strdup_printf (ngettext ("You knew %u of %u.", "You knew %u of %u.",
                                      self->queue->len),
                            self->known, self->queue->len);
  adw_status_page_set_description (self->done_page, result);
  gtk_stack_set_visible_child_name (self->stack, "done");
}

void
nimbus_review_page_answer (NimbusReviewPage *self,
                           gboolean          knew_it)
{
  const NimbusFlag *flag;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (NIMBUS_IS_REVIEW_PAGE (self));

  if (self->queue == NULL || self->position >= self->queue->len)
    return;

  flag = g_ptr_array_index (self->queue, self->position);
  if (!nimbus_user_store_review (self->store, flag->id, knew_it, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      g_signal_emit (self, signals[ADD_TOAST], 0, adw_toast_new (escaped));
      return;
    }

  self->known += knew_it;
  self->position++;
  update_actions (self);
  if (self->position < self->queue->len)
    show_item (self);
  else
    show_done (self);
}

static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  nimbus_review_page_answer (NIMBUS_REVIEW_PAGE (widget), g_variant_get_boolean (parameter));
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NimbusReviewPage *self = NIMBUS_REVIEW_PAGE (widget);

  g_clear_pointer (&self->queue, g_ptr_array_unref);
  update_actions (self);
  g_signal_emit (self, signals[STOPPED], 0);
}

static void
nimbus_review_page_dispose (GObject *object)
{
  NimbusReviewPage *self = NIMBUS_REVIEW_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NIMBUS_TYPE_REVIEW_PAGE);
  g_clear_object (&self->kb);
  g_clear_object (&self->store);
  g_clear_pointer (&self->queue, g_ptr_array_unref);

  G_OBJECT_CLASS (nimbus_review_page_parent_class)->dispose (object);
}

static void
nimbus_review_page_class_init (NimbusReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nimbus_review_page_dispose;

  /* Stop, or Back to Weak Areas at the end: the review is over. */
  signals[STOPPED] = g_signal_new ("stopped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Something to tell the user, for the window's toast overlay. */
  signals[ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nimbusstudy/Nimbus/"
                                               "nimbus-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NimbusReviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, NimbusReviewPage, done_page);
  gtk_widget_class_bind_template_child (widget_class, NimbusReviewPage, review_progress);
  gtk_widget_class_bind_template_child (widget_class, NimbusReviewPage, review_content);
  gtk_widget_class_bind_template_child (widget_class, NimbusReviewPage, stop_button);
  gtk_widget_class_bind_template_child (widget_class, NimbusReviewPage, still_weak_button);
  gtk_widget_class_bind_template_child (widget_class, NimbusReviewPage, knew_it_button);

  gtk_widget_class_install_action (widget_class, "review.answer", "b", answer_action);
  gtk_widget_class_install_action (widget_class, "review.stop", NULL, stop_action);

  /* The buttons' mnemonics in English, kept in every language; letters alone go to the
   * search. Listed in the shortcuts window (data/gtk/help-overlay.ui). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_ALT_MASK, "review.answer",
                                       "b", TRUE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_ALT_MASK, "review.answer",
                                       "b", FALSE);
}

static void
nimbus_review_page_init (NimbusReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The buttons, like every button with a mnemonic, are named as they read. */
  nimbus_accessible_name_mnemonic_buttons (GTK_WIDGET (self));

  update_actions (self);
}
