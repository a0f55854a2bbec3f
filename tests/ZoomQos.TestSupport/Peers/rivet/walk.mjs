// Walks every page of a webinar's participant QoS with Zoom's Node SDK, @zoom/rivet, and writes each participant as
// one NDJSON line on stdout (what `zoomqos fetch --format ndjson` writes). Or, as `receive PORT`, is a webhook receiver
// built the way Rivet's users build one (its HttpReceiver at /zoom/events, ZOOM_WEBHOOK_SECRET_TOKEN): every QSS event
// it accepts is one line on stdout; Rivet itself answers 400 to one whose signature it cannot verify. Settings from the environment, as a Zoom
// developer would give them: ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET; ZOOMQOS_BASE_URL (the API, ending
// in /v2) and ZOOMQOS_TOKEN_URL point the SDK at a ZoomQos server instead of Zoom. Arguments: ID [TYPE [webinar|meeting]].
// Rivet has a baseUrl option for the API but asks https://zoom.us/oauth/token for its tokens: an axios interceptor
// sends that one request to ZOOMQOS_TOKEN_URL, unchanged otherwise.
import axios from "axios";
import { AccountsS2SAuthClient } from "@zoom/rivet/accounts";

const [webinarId, type = "past", kind = "webinar"] = process.argv.slice(2);
const receiving = webinarId === "receive";
const env = (name) => {
  const value = process.env[name];
  if (!value) {
    console.error(`rivet-walk: ${name} is not set`);
    process.exit(2);
  }
  return value;
};
if (receiving) {
  const port = Number(type);
  const receiver = new AccountsS2SAuthClient({
    clientId: "receiver-only",
    clientSecret: "receiver-only",
    accountId: "receiver-only",
    webhooksSecretToken: env("ZOOM_WEBHOOK_SECRET_TOKEN"),
    port,
  });
  for (const name of ["webinar.participant_qos", "webinar.participant_qos_summary", "meeting.participant_qos", "meeting.participant_qos_summary"]) {
    receiver.webEventConsumer.event(name, (event) => {
      process.stdout.write(JSON.stringify(event) + "\n");
    });
  }
  receiver.start().then(() => console.error(`rivet-receive: listening on ${port}`), (error) => {
    console.error(`rivet-receive: ${error.message}`);
    process.exit(1);
  });
} else if (!webinarId) {
  console.error("usage: node rivet-walk.cjs ID [past|live [webinar|meeting]]");
  process.exit(2);
}

const tokenUrl = process.env.ZOOMQOS_TOKEN_URL;
if (tokenUrl) {
  axios.interceptors.request.use((config) => (config.url === "https://zoom.us/oauth/token" ? { ...config, url: tokenUrl } : config));
}

const client = receiving ? null : new AccountsS2SAuthClient({
  clientId: env("ZOOM_CLIENT_ID"),
  clientSecret: env("ZOOM_CLIENT_SECRET"),
  accountId: env("ZOOM_ACCOUNT_ID"),
  baseUrl: process.env.ZOOMQOS_BASE_URL ?? "https://api.zoom.us/v2",
  disableReceiver: true,
});

// Rivet throws on a 429 ("[429/429]: …") and does not retry: like any Rivet user, wait a second and ask again.
async function page(token, attempt = 0) {
  try {
    const query = { type, page_size: 10, ...(token ? { next_page_token: token } : {}) };
    return kind === "meeting"
      ? await client.endpoints.dashboards.listMeetingParticipantsQoS({ path: { meetingId: webinarId }, query })
      : await client.endpoints.dashboards.listWebinarParticipantQoS({ path: { webinarId }, query });
  } catch (error) {
    if (attempt < 30 && /\[429\//.test(error.message)) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return page(token, attempt + 1);
    }
    throw error;
  }
}

async function walk() {
  let token = "";
  let pages = 0;
  do {
    const response = await page(token);
    if (response.statusCode !== 200) {
      throw new Error(`HTTP ${response.statusCode}: ${JSON.stringify(response.data)}`);
    }
    for (const participant of response.data.participants ?? []) {
      process.stdout.write(JSON.stringify(participant) + "\n");
    }
    token = response.data.next_page_token ?? "";
    pages++;
  } while (token);
  console.error(`rivet-walk: ${pages} pages`);
}

if (!receiving) {
  walk().catch((error) => {
    console.error(`rivet-walk: ${error.message}`);
    process.exit(1);
  });
}
