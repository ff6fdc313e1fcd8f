/* hall-ui-test-devices.h — the three devices of the hall as apps in processes of their own,
 * for test-hall-day: each is the real app in device mode, driven through lines on its standard
 * input and output (hall-ui-test-process.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The petitioner whose particulars no device may show. */
#define HALL_UI_TEST_PETITIONER_NAME "欧阳明辉"
#define HALL_UI_TEST_PETITIONER_ID "430102198503151236"
#define HALL_UI_TEST_PETITIONER_PHONE "13907311234"

/* In the child: sets this PC up as device @mode ("display", "kiosk", "rating-pad" at window 2)
 * of the hall at @url with the account @username, starts the app as a hall starts it
 * (`xinfang-hall --display` …) and does what the test says, one line at a time:
 *   every device: "offline 0|1", "shows TEXT", "hides TEXT", "private", "restart", "quit";
 *   the display: "call CODE WINDOW SPOKEN", "counts TEXT", "log";
 *   the kiosk: "take CATEGORY PERSONS", "query NUMBER CODE";
 *   the pad: "rate TICKET LEVEL".
 * "restart" leaves the device for now and starts the app again with no option; "quit" after a
 * restart leaves it for good. Returns the process's exit status. */
int hall_ui_test_device_run (const char *mode,
                             const char *url,
                             const char *username);

G_END_DECLS
