/* hall-display-page.c — the calling display (叫号大屏): the current call, large, and the hall
 * around it, for a television read from ten metres
 *
 * It reads the masked hall.snapshot, today's duty leaders and the notice, then follows the
 * change feed: a call shows (and is spoken) as soon as its event arrives, a recall flashes and
 * is spoken again, and the rest is read again after each change. It shows nobody's personal
 * data: the display account's snapshot has none, and the display shows no staff name at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-display-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-display-page.h"

#define RECENT_SHOWN 4
#define COUNTER_COLUMNS 2
#define FLASH_TOGGLES 8
#define FLASH_INTERVAL_MS 400
#define NOTICE_PIXELS_PER_SECOND 120.0
/* After a change the lists are read again this much later, so that the frame showing a call
 * draws the call alone, and a burst of changes costs one read. */
#define RELOAD_DELAY_MS 250

struct _HallDisplayPage
{
  HallPage parent_instance;

  gint64         seq;
  gint64         call_ticket_id;
  gint64         call_seq; /* the event of the call on screen */
  HallVoice     *voice;
  GSettings     *settings;
  guint          clock_id;
  guint          flash_id;
  guint          flash_left;
  guint          notice_tick_id;
  guint          reload_id;
  GQueue         to_say; /* calls to say once the frame showing them is drawn */
  GdkFrameClock *clock;
  gulong         painted_handler;
  gint64         notice_last_frame;

  GtkLabel          *hall_name_label;
  GtkLabel          *clock_label;
  GtkWidget         *call_card;
  GtkLabel          *call_label;
  GtkFlowBox        *recent_box;
  GtkFlowBox        *departments_box;
  GtkGrid           *counters_grid;
  GtkBox            *leaders_box;
  GtkScrolledWindow *notice_scroller;
  GtkLabel          *notice_label;
};

G_DEFINE_FINAL_TYPE (HallDisplayPage, hall_display_page, HALL_TYPE_PAGE)

/* ---- what it shows ------------------------------------------------------------------------ */

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (box))
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
      else if (GTK_IS_GRID (box))
        gtk_grid_remove (GTK_GRID (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static GtkWidget *
styled_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, css_class);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static char *
call_words (const char *code,
            gint64      counter_number)
{
  /* Translators: the current call on the calling display, 「请 C011 号 到 2 号窗口」 */
  return g_strdup_printf (_ ("Number %s, please go to window %d"), code, (int) counter_number);
}

static void
flash_stop (HallDisplayPage *self)
{
  g_clear_handle_id (&self->flash_id, g_source_remove);
  gtk_widget_remove_css_class (self->call_card, "flash");
}

static gboolean
flash_cb (gpointer user_data)
{
  HallDisplayPage *self = user_data;

  if (self->flash_left-- == 0)
    {
      self->flash_id = 0;
      gtk_widget_remove_css_class (self->call_card, "flash");
      return G_SOURCE_REMOVE;
    }
  if (self->flash_left % 2)
    gtk_widget_add_css_class (self->call_card, "flash");
  else
    gtk_widget_remove_css_class (self->call_card, "flash");
  return G_SOURCE_CONTINUE;
}

static void
flash_start (HallDisplayPage *self)
{
  flash_stop (self);
  gtk_widget_add_css_class (self->call_card, "flash");
  self->flash_left = FLASH_TOGGLES;
  self->flash_id = g_timeout_add (FLASH_INTERVAL_MS, flash_cb, self);
}

static void
painted_cb (HallDisplayPage *self)
{
  char *text;

  if (self->clock != NULL)
    g_clear_signal_handler (&self->painted_handler, self->clock);
  self->clock = NULL;
  while ((text = g_queue_pop_head (&self->to_say)) != NULL)
    {
      hall_voice_say (self->voice, text);
      g_free (text);
    }
}

/* A call the display learns of: shown at once; spoken when it came by the feed (@speak), and
 * flashed too when it is a recall. */
static void
show_call (HallDisplayPage *self,
           gint64           ticket_id,
           const char      *code,
           gint64           counter_number,
           gboolean         speak,
           gboolean         recall)
{
  g_autofree char *words = NULL;
  g_autofree char *said = NULL;

  /* The snapshot does not show again the call on screen; a call from the feed is always new (a
   * ticket held and called again, or a call the snapshot read on reconnecting showed first). */
  if (code == NULL || counter_number <= 0 || (!speak && ticket_id == self->call_ticket_id))
    return;
  words = call_words (code, counter_number);
  gtk_label_set_text (self->call_label, words);
  self->call_ticket_id = ticket_id;
  if (!speak)
    return;
  if (recall)
    flash_start (self);
  else
    flash_stop (self);
  said = hall_voice_call_text (code, counter_number);
  /* The voice is synthesized once the frame that shows the call is drawn: both want the CPU,
   * and the eye is faster than the ear. */
  g_queue_push_tail (&self->to_say, g_steal_pointer (&said));
  if (self->clock == NULL)
    {
      self->clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
      if (self->clock != NULL)
        self->painted_handler = g_signal_connect_object (self->clock, "after-paint",
                                                         G_CALLBACK (painted_cb), self,
                                                         G_CONNECT_SWAPPED);
    }
  if (self->clock == NULL)
    painted_cb (self);
}

static void
show_recent (HallDisplayPage *self,
             JsonArray       *recent)
{
  guint n = recent ? json_array_get_length (recent) : 0;
  guint shown = 0;

  remove_children (GTK_WIDGET (self->recent_box));
  for (guint i = 0; i < n && shown < RECENT_SHOWN; i++)
    {
      JsonObject      *call = json_array_get_object_element (recent, i);
      g_autofree char *text = NULL;

      if (json_object_get_int_member_with_default (call, "ticket_id", 0) == self->call_ticket_id)
        continue;
      /* Translators: a past call on the calling display: ticket number → window number */
      text = g_strdup_printf (_ ("%s → window %d"),
                              json_object_get_string_member_with_default (call, "code", ""),
                              (int) json_object_get_int_member_with_default (call, "counter_number",
                                                                             0));
      gtk_flow_box_append (self->recent_box, styled_label (text, "display-recent"));
      shown++;
    }
  if (shown == 0)
    gtk_flow_box_append (self->recent_box, styled_label ("—", "display-recent"));
}

static void
show_counters (HallDisplayPage *self,
               JsonArray       *counters)
{
  guint n = counters ? json_array_get_length (counters) : 0;
  int   row = 0;

  remove_children (GTK_WIDGET (self->counters_grid));
  for (guint i = 0; i < n; i++)
    {
      JsonObject      *counter = json_array_get_object_element (counters, i);
      const char      *state = json_object_get_string_member_with_default (counter, "state", "");
      JsonNode        *current = json_object_get_member (counter, "current");
      g_autofree char *name = NULL;
      GtkWidget       *serving;

      if (!g_str_equal (state, "open") && !g_str_equal (state, "paused"))
        continue;
      /* Translators: a window's number on the calling display, 「2 号窗口」 */
      name = g_strdup_printf (_ ("Window %d"),
                              (int) json_object_get_int_member_with_default (counter, "number", 0));
      if (g_str_equal (state, "paused"))
        /* Translators: a window on the calling display that is open but paused */
        serving = styled_label (C_ ("window", "Paused"), "display-counter-idle");
      else if (current != NULL && JSON_NODE_HOLDS_OBJECT (current))
        serving = styled_label (
            json_object_get_string_member_with_default (json_node_get_object (current), "code", ""),
            "display-counter-ticket");
      else
        /* Translators: an open window on the calling display that serves nobody now */
        serving = styled_label (C_ ("window", "Free"), "display-counter-idle");
      /* Twenty windows fit a television in two columns. */
      gtk_grid_attach (self->counters_grid, styled_label (name, "display-counter"),
                       2 * (row % COUNTER_COLUMNS), row / COUNTER_COLUMNS, 1, 1);
      gtk_grid_attach (self->counters_grid, serving, 2 * (row % COUNTER_COLUMNS) + 1,
                       row / COUNTER_COLUMNS, 1, 1);
      row++;
    }
  if (row == 0)
    /* Translators: the calling display when no window is open */
    gtk_grid_attach (self->counters_grid, styled_label (_ ("No window open"), "display-counter-idle"),
                     0, 0, 2, 1);
}

static void
show_departments (HallDisplayPage *self,
                  JsonArray       *departments)
{
  guint n = departments ? json_array_get_length (departments) : 0;
  guint shown = 0;

  remove_children (GTK_WIDGET (self->departments_box));
  for (guint i = 0; i < n; i++)
    {
      JsonObject      *department = json_array_get_object_element (departments, i);
      gint64           waiting = json_object_get_int_member_with_default (department, "waiting", 0);
      g_autofree char *text = NULL;

      /* A county hall has twenty departments: those with someone waiting are what is read. */
      if (waiting == 0)
        continue;
      shown++;
      /* Translators: a department and how many tickets wait there, on the calling display */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %d waiting", "%s: %d waiting",
                                           waiting),
                              json_object_get_string_member_with_default (department, "name", ""),
                              (int) waiting);
      gtk_flow_box_append (self->departments_box, styled_label (text, "display-department"));
    }
  if (shown == 0)
    /* Translators: the calling display when nobody waits in any department */
    gtk_flow_box_append (self->departments_box,
                         styled_label (_ ("Nobody is waiting"), "display-department"));
}

static void
show_snapshot (HallDisplayPage *self,
               JsonObject      *snapshot)
{
  JsonArray *recent = json_object_get_array_member (snapshot, "recent_calls");

  gtk_label_set_text (self->hall_name_label,
                      json_object_get_string_member_with_default (snapshot, "hall_name", ""));
  if (recent != NULL && json_array_get_length (recent) > 0)
    {
      JsonObject *last = json_array_get_object_element (recent, 0);

      /* The newest call, when the display starts or missed it; the feed shows and speaks
       * calls as they come, so a snapshot older than the call on screen leaves it. */
      if (json_object_get_int_member_with_default (snapshot, "last_seq", 0) >= self->call_seq)
        show_call (self, json_object_get_int_member_with_default (last, "ticket_id", 0),
                   json_object_get_string_member_with_default (last, "code", NULL),
                   json_object_get_int_member_with_default (last, "counter_number", 0), FALSE,
                   FALSE);
    }
  show_recent (self, recent);
  show_counters (self, json_object_get_array_member (snapshot, "counters"));
  show_departments (self, json_object_get_array_member (snapshot, "departments"));
  self->seq = MAX (self->seq, json_object_get_int_member_with_default (snapshot, "last_seq", 0));
}

static void
show_leaders (HallDisplayPage *self,
              JsonArray       *leaders)
{
  guint n = leaders ? json_array_get_length (leaders) : 0;

  remove_children (GTK_WIDGET (self->leaders_box));
  for (guint i = 0; i < n; i++)
    {
      JsonObject      *leader = json_array_get_object_element (leaders, i);
      const char      *slot = json_object_get_string_member_with_default (leader, "slot", "day");
      const char      *note = json_object_get_string_member_with_default (leader, "note", NULL);
      const char      *when;
      g_autofree char *text = NULL;

      if (g_str_equal (slot, "am"))
        /* Translators: a duty leader's slot on the calling display */
        when = C_ ("slot", "morning");
      else if (g_str_equal (slot, "pm"))
        /* Translators: a duty leader's slot on the calling display */
        when = C_ ("slot", "afternoon");
      else
        /* Translators: a duty leader's slot on the calling display */
        when = C_ ("slot", "all day");
      /* The roster is what the hall publishes: the leader's name as on the duty board. */
      text = g_strdup_printf ("%s（%s）%s%s",
                              json_object_get_string_member_with_default (leader, "display_name", ""),
                              when, note && *note ? " · " : "", note && *note ? note : "");
      gtk_box_append (self->leaders_box, styled_label (text, "display-leader"));
    }
  if (n == 0)
    /* Translators: the calling display when nobody is on today's leader roster */
    gtk_box_append (self->leaders_box, styled_label (_ ("None today"), "display-leader"));
}

static gboolean notice_tick_cb (GtkWidget     *widget,
                                GdkFrameClock *clock,
                                gpointer       user_data);

static void
show_notice (HallDisplayPage *self,
             const char      *text)
{
  gboolean shown = text != NULL && *text != '\0';

  gtk_label_set_text (self->notice_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notice_scroller), shown);
  self->notice_last_frame = 0;
  /* The notice runs on every frame; without one the display draws only what changes. */
  if (shown && self->notice_tick_id == 0)
    self->notice_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->notice_scroller),
                                                         notice_tick_cb, self, NULL);
  else if (!shown && self->notice_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->notice_scroller), self->notice_tick_id);
      self->notice_tick_id = 0;
    }
}

/* ---- loading and following the feed ------------------------------------------------------ */

static void
snapshot_cb (HallPage     *page,
             JsonObject   *snapshot,
             const GError *error,
             gpointer      user_data)
{
  HallDisplayPage *self = HALL_DISPLAY_PAGE (page);

  if (snapshot != NULL)
    show_snapshot (self, snapshot);
  else
    /* What is on screen stays; the device's offline notice says why it may be stale. */
    g_debug ("hall.snapshot: %s", error->message);
}

static void
leaders_cb (HallPage     *page,
            JsonObject   *reply,
            const GError *error,
            gpointer      user_data)
{
  if (reply != NULL)
    show_leaders (HALL_DISPLAY_PAGE (page), json_object_get_array_member (reply, "leaders"));
}

static void
notice_cb (HallPage     *page,
           JsonObject   *reply,
           const GError *error,
           gpointer      user_data)
{
  if (reply != NULL)
    show_notice (HALL_DISPLAY_PAGE (page),
                 json_object_get_string_member_with_default (reply, "text", ""));
}

static void
hall_display_page_refresh (HallPage *page)
{
  hall_page_load (page, "hall.snapshot", NULL, snapshot_cb, NULL);
  hall_page_load (page, "leader.today", NULL, leaders_cb, NULL);
  hall_page_load (page, "display.notice", NULL, notice_cb, NULL);
}

static gboolean
reload_cb (gpointer user_data)
{
  HallDisplayPage *self = user_data;

  self->reload_id = 0;
  hall_page_load (HALL_PAGE (self), "hall.snapshot", NULL, snapshot_cb, NULL);
  return G_SOURCE_REMOVE;
}

static void
hall_display_page_event (HallPage   *page,
                         const char *kind,
                         JsonObject *event)
{
  HallDisplayPage *self = HALL_DISPLAY_PAGE (page);
  gint64           seq = json_object_get_int_member_with_default (event, "seq", 0);
  const char      *queue = json_object_get_string_member_with_default (event, "queue", "");

  if ((g_str_equal (kind, "ticket.called") || g_str_equal (kind, "ticket.recalled"))
      && g_str_equal (queue, "counter"))
    {
      /* Each event of a call is said once, whatever the feed brings twice. */
      gboolean fresh = seq == 0 || seq > self->call_seq;

      self->call_seq = MAX (self->call_seq, seq);
      if (fresh)
        show_call (self, json_object_get_int_member_with_default (event, "ticket_id", 0),
                   json_object_get_string_member_with_default (event, "code", NULL),
                   json_object_get_int_member_with_default (event, "counter_number", 0), TRUE,
                   g_str_equal (kind, "ticket.recalled"));
    }
  if (g_str_equal (kind, "display.notice"))
    {
      show_notice (self, json_object_get_string_member_with_default (event, "text", ""));
      return;
    }
  if (g_str_equal (kind, "leader.duty"))
    {
      hall_page_load (page, "leader.today", NULL, leaders_cb, NULL);
      return;
    }
  if (seq != 0 && seq <= self->seq && !hall_page_is_loading (page))
    return;
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, reload_cb, self);
}

/* ---- the clock and the notice ------------------------------------------------------------- */

static gboolean
clock_cb (gpointer user_data)
{
  HallDisplayPage *self = user_data;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  /* Translators: the date and time on the calling display (strftime), 「2026年12月5日 星期六 15:30」 */
  g_autofree char *text = g_date_time_format (now, _ ("%A, %B %-d, %Y   %H:%M:%S"));

  gtk_label_set_text (self->clock_label, text);
  return G_SOURCE_CONTINUE;
}

/* The notice runs from right to left, again and again. */
static gboolean
notice_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  HallDisplayPage *self = user_data;
  GtkAdjustment   *adjustment = gtk_scrolled_window_get_hadjustment (self->notice_scroller);
  GtkWidget       *label = GTK_WIDGET (self->notice_label);
  int              width = gtk_widget_get_width (widget);
  gint64           frame = gdk_frame_clock_get_frame_time (clock);
  double           value, end;

  if (!gtk_widget_get_visible (widget) || width <= 0)
    return G_SOURCE_CONTINUE;
  /* Room on both sides, so the text comes in at the right and leaves at the left. */
  if (gtk_widget_get_margin_start (label) != width)
    {
      gtk_widget_set_margin_start (label, width);
      gtk_widget_set_margin_end (label, width);
      self->notice_last_frame = 0;
    }
  /* Until the margins are laid out the adjustment cannot reach the text yet. */
  if (gtk_adjustment_get_upper (adjustment) < 2 * width)
    return G_SOURCE_CONTINUE;
  if (self->notice_last_frame == 0)
    {
      self->notice_last_frame = frame;
      /* The text starts near the left edge, then runs. */
      gtk_adjustment_set_value (adjustment, width - 32);
      return G_SOURCE_CONTINUE;
    }
  value = gtk_adjustment_get_value (adjustment)
          + NOTICE_PIXELS_PER_SECOND * (frame - self->notice_last_frame) / G_USEC_PER_SEC;
  self->notice_last_frame = frame;
  end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  gtk_adjustment_set_value (adjustment, value >= end ? 0 : value);
  return G_SOURCE_CONTINUE;
}

/* ---- GObject ------------------------------------------------------------------------------ */

static void
hall_display_page_dispose (GObject *object)
{
  HallDisplayPage *self = HALL_DISPLAY_PAGE (object);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  g_clear_handle_id (&self->flash_id, g_source_remove);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->clock != NULL)
    g_clear_signal_handler (&self->painted_handler, self->clock);
  self->clock = NULL;
  g_queue_clear_full (&self->to_say, g_free);
  if (self->notice_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->notice_scroller), self->notice_tick_id);
      self->notice_tick_id = 0;
    }
  /* AdwBin would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), HALL_TYPE_DISPLAY_PAGE);
  g_clear_object (&self->voice);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (hall_display_page_parent_class)->dispose (object);
}

static void
hall_display_page_class_init (HallDisplayPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_display_page_dispose;
  page_class->refresh = hall_display_page_refresh;
  page_class->event = hall_display_page_event;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/display/hall-display-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallDisplayPage, hall_name_label);
  gtk_widget_class_bind_template_child (widget_class, HallDisplayPage, clock_label);
  gtk_widget_class_bind_template_child (widget_class, HallDisplayPage, call_card);
  gtk_widget_class_bind_template_child (widget_class, HallDisplayPage, call_label);
  gtk_widget_class_bind_template_child (widget_class, HallDisplayPage, recent_box);
  gtk_widget_class_bind_template_child (widget_class, HallDisplayPage, departments_box);
  gtk_widget_class_bind_template_child (widget_class, HallDisplayPage, counters_grid);
  gtk_widget_class_bind_template_child (widget_class, HallDisplayPage, leaders_box);
  gtk_widget_class_bind_template_child (widget_class, HallDisplayPage, notice_scroller);
  gtk_widget_class_bind_template_child (widget_class, HallDisplayPage, notice_label);
}

static void
load_stylesheet (void)
{
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (
          provider, "/io/github/xinfanghall/Hall/ui/display/hall-display.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&loaded, 1);
    }
}

static void
hall_display_page_init (HallDisplayPage *self)
{
  load_stylesheet ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->voice = hall_voice_new ();
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "voice-volume", self->voice, "volume", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "voice-speed", self->voice, "speed", G_SETTINGS_BIND_GET);

  gtk_label_set_text (self->call_label, "—");
  show_notice (self, NULL);
  clock_cb (self);
  self->clock_id = g_timeout_add_seconds (1, clock_cb, self);
}

/* ---- public API --------------------------------------------------------------------------- */

GtkWidget *
hall_display_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_DISPLAY_PAGE, "client", client, NULL);
}

const char *
hall_display_page_get_call_text (HallDisplayPage *self)
{
  g_return_val_if_fail (HALL_IS_DISPLAY_PAGE (self), NULL);
  return self->call_ticket_id != 0 ? gtk_label_get_text (self->call_label) : "";
}

gboolean
hall_display_page_get_flashing (HallDisplayPage *self)
{
  g_return_val_if_fail (HALL_IS_DISPLAY_PAGE (self), FALSE);
  return self->flash_id != 0;
}

HallVoice *
hall_display_page_get_voice (HallDisplayPage *self)
{
  g_return_val_if_fail (HALL_IS_DISPLAY_PAGE (self), NULL);
  return self->voice;
}

gint64
hall_display_page_get_seq (HallDisplayPage *self)
{
  g_return_val_if_fail (HALL_IS_DISPLAY_PAGE (self), 0);
  return self->seq;
}
