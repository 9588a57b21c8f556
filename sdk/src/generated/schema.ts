// generated — do not edit. Source: openapi/openapi.json; run `pnpm generate`.

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Service health with each dependency's measured latency
         * @description Answers 503 (problem+json with the same `checks`) when a required dependency is down.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether this instance should get traffic now
         * @description For load balancers and orchestrators. 200 while this instance accepts work and PostgreSQL and Redis are up; 503 (problem+json, `state` `draining` or `unready`, with Retry-After) once it is shutting down — requests in flight still finish — or while a required dependency is down. `GET /api/health` stays the dependency report; that the process answers at all is its liveness.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Business counts
         * @description Computed at most every few seconds (PUBLIC_STATS_CACHE_SECONDS, default 5) and again after any write through the API; `generatedAt` says when. Limited per client address (429 with Retry-After).
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public dashboard aggregates
         * @description Computed at most every few seconds (PUBLIC_STATS_CACHE_SECONDS, default 5) and again after any write through the API; `generatedAt` says when. Limited per client address (429 with Retry-After).
         */
        get: operations["getDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in with email and password
         * @description Rate-limited (429 with `Retry-After`): attempts per client address, and failures per account and client address, counted before the password is checked; repeated lockouts of the same account and address grow longer.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new token pair
         * @description Refresh tokens rotate. Presenting one that was already used revokes the whole session.
         */
        post: operations["refreshToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the current session
         * @description Revokes the session of the access token used: its refresh tokens and access tokens stop working.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user the access token belongs to */
        get: operations["getCurrentUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public keys for verifying access tokens */
        get: operations["getJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List staff accounts */
        get: operations["listUsers"];
        put?: never;
        /** Create a staff account */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a staff account */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, change the role of, disable or re-enable a staff account (optimistic concurrency with If-Match) */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List and search customers */
        get: operations["listCustomers"];
        put?: never;
        /** Create a customer */
        post: operations["createCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a customer */
        get: operations["getCustomer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a customer (optimistic concurrency with If-Match) */
        patch: operations["updateCustomer"];
        trace?: never;
    };
    "/api/customers/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive a customer
         * @description Archived customers leave the default list but keep their history. Archiving twice is harmless.
         */
        post: operations["archiveCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore an archived customer */
        post: operations["restoreCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/catalogue/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the catalogue, ranked by relevance
         * @description Ranked over SKU, model numbers, name, brand, category and description: an exact SKU or model number match first (case, spaces and punctuation ignored), then partial model numbers (`DCD791` finds `DCD791D2`), full-text relevance and trigram similarity (typos). Each hit carries its `score` and what matched. Results are ranked, so the cursor is the rank position of the next page (an offset, at most 10,000): if the catalogue changes between pages, items may shift by a few places.
         */
        get: operations["searchProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List products, newest first, with filters
         * @description Browsing without a query. To find products by words, SKU or model number use `GET /api/catalogue/search`.
         */
        get: operations["listProducts"];
        put?: never;
        /** Create a product */
        post: operations["createProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a product */
        get: operations["getProduct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a product (optimistic concurrency with If-Match) */
        patch: operations["updateProduct"];
        trace?: never;
    };
    "/api/products/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate a product
         * @description Deactivated products leave search, lists and suggestions but keep their history and relations. Deactivating twice is harmless.
         */
        post: operations["deactivateProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Activate a deactivated product */
        post: operations["activateProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}/related": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What goes with a product, from the knowledge graph
         * @description Accessories, required items (e.g. safety equipment), compatible products, alternatives, and products often quoted together — grouped by relation, ranked (in stock first, then how often quoted together), each with a `reason`. Every group is always present (possibly empty). Answers 503 when the graph (Neo4j) is not configured or down.
         */
        get: operations["getRelatedProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tasks, newest first */
        get: operations["listTasks"];
        put?: never;
        /**
         * Create a task
         * @description Link products to it with `POST /api/relations` (`type: USED_FOR`).
         */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a task */
        get: operations["getTask"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/kit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything a task needs, from the knowledge graph
         * @description The products USED_FOR the task and the items they REQUIRE — safety equipment and consumables, followed up to 3 hops (task → product → required item → its own requirements). Answers 503 when the graph (Neo4j) is not configured or down.
         */
        get: operations["getTaskKit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/relations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List stored relations, newest first
         * @description The curated relations as stored (the source of truth of the graph). For ranked suggestions use `GET /api/products/{id}/related`.
         */
        get: operations["listRelations"];
        put?: never;
        /**
         * Add a typed relation
         * @description Between two products (`COMPATIBLE_WITH`, `ALTERNATIVE_TO`, `ACCESSORY_OF`, `REQUIRES`) or a product and a task (`USED_FOR`). Stored in PostgreSQL and synced to the graph through the outbox (usually within a second).
         */
        post: operations["createRelation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/relations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a relation */
        get: operations["getRelation"];
        put?: never;
        post?: never;
        /** Remove a relation */
        delete: operations["deleteRelation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List import jobs, newest first */
        get: operations["listImports"];
        put?: never;
        /**
         * Import a catalogue file (CSV or XLSX)
         * @description Send the file as the raw body (`Content-Type: text/csv` or the XLSX media type; optional `?filename=`) or as `multipart/form-data` with a `file` part. Answers 202 with a job at once; follow it at `GET /api/imports/{id}`. Products are upserted by SKU (case-insensitive). Columns (header row, any order, case-insensitive): `sku`, `name`, `price` (decimal, major units) or `unit_price_minor`, and optionally `description`, `brand`, `category`, `unit`, `currency` (default CATALOGUE_DEFAULT_CURRENCY), `stock`, `model_numbers` (separated by `;` or `|`), `active`, `attributes` (JSON object) and `attr_<name>` columns. Relation columns hold SKUs: `accessory_of`, `accessories`, `compatible_with`, `alternative_to`, `requires`, `required_by`. Rows with a problem are rejected with a reason and the rest is applied; a file that cannot be read at all makes the job fail with the reason.
         */
        post: operations["createImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import job: status, progress, counts and rejected rows */
        get: operations["getImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List quotes
         * @description Newest first. Quotes past their validity date show as expired.
         */
        get: operations["listQuotes"];
        put?: never;
        /**
         * Create a draft quote
         * @description Takes the next number of the year (`Q-YYYY-NNNNNN`, gap-free). Tax rate, currency and validity default from configuration.
         */
        post: operations["createQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/quotes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a quote with its lines and totals */
        get: operations["getQuote"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a draft quote (optimistic concurrency with If-Match) */
        patch: operations["updateQuote"];
        trace?: never;
    };
    "/api/quotes/{id}/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a line to a draft quote
         * @description A catalogue product copies its name, unit and current price onto the line (later catalogue changes do not alter the quote); a free-text item gives its own. Answers the whole quote with new totals.
         */
        post: operations["addQuoteLine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/quotes/{id}/lines/{lineId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a line from a draft quote */
        delete: operations["removeQuoteLine"];
        options?: never;
        head?: never;
        /** Change a line of a draft quote */
        patch: operations["updateQuoteLine"];
        trace?: never;
    };
    "/api/quotes/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a quote to another status
         * @description draft → sent (needs a line) → accepted | rejected; an admin may cancel from any status. An illegal move is a 409 naming the current status (`currentStatus`) and the allowed ones (`allowedTransitions`). Expiry is automatic after the validity date.
         */
        post: operations["transitionQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/quotes/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revise a sent, rejected or expired quote
         * @description Creates a new draft with the same number and the next revision, its lines copied as they were, linked by `revisionOf`.
         */
        post: operations["reviseQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/quotes/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The quote as a PDF document
         * @description Company header (from configuration), customer, lines, totals with the tax label and rate, validity. Rendered off the request thread on a bounded pool and kept per quote version (`PDF_CACHE_SECONDS`); when the pool is full or a PDF cannot be rendered the answer is 503 (`dependency`: `pdf renderer`) with `Retry-After`.
         */
        get: operations["getQuotePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/quotes/{id}/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Suggested additions to a draft, from the product graph
         * @description Required items (e.g. safety equipment) and accessories of the quoted products that the quote lacks, and products often quoted with them.
         */
        get: operations["getQuoteSuggestions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List RFQ documents, newest first */
        get: operations["listDocuments"];
        put?: never;
        /**
         * Upload an RFQ document (XLSX, DOCX, PDF, CSV, text or e-mail)
         * @description `multipart/form-data` with a `file` part and optionally `customerId`. The type is read from the bytes, not the name. The original is stored with its SHA-256: the same bytes uploaded again answer the existing document (200) instead of a copy. A new document answers 202 at once and is read on the job queue (`queued` → `processing` → `extracted` | `failed`); follow it at `GET /api/documents/{id}`. Refused before anything is stored: a file larger than the limit (413), an empty file, a file that is not one of the document types, or an archive (XLSX, DOCX) that is a zip bomb or damaged (422, `reason`).
         */
        post: operations["uploadDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/recent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The documents changed last (uploaded, read or reviewed) */
        get: operations["listRecentDocuments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A document: status, progress, requested items with their candidates and chosen match */
        get: operations["getDocument"];
        put?: never;
        post?: never;
        /**
         * Delete a document, its original and its items
         * @description A document still being read has its job cancelled. A quote made from it stays.
         */
        delete: operations["deleteDocument"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The original file as uploaded
         * @description The bytes as uploaded, with the media type read from them (the `mediaType` of the document).
         */
        get: operations["getDocumentFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Review a requested item: the chosen product, quantity, unit, or not an item */
        patch: operations["updateDocumentItem"];
        trace?: never;
    };
    "/api/documents/{id}/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a draft quote from the reviewed items
         * @description One line per item in document order, "not an item"s left out: an item with a chosen product becomes a catalogue line (name, unit and current price copied); one without — or whose product is inactive or priced in another currency — a free-text line at price 0, to be priced. The document links to the quote; a document makes at most one quote (409 with `quoteId` after).
         */
        post: operations["createQuoteFromDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your conversations with unread counts
         * @description Only conversations you are a member of, most recently active first.
         */
        get: operations["listConversations"];
        put?: never;
        /**
         * Start a conversation
         * @description You are always a member. Link a quote to have its changes posted in the conversation.
         */
        post: operations["createConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a conversation */
        get: operations["getConversation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{id}/membership": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your membership of a conversation
         * @description Whether you may read and post (404 otherwise), the newest seq and your read marker, without the member list: its cost does not grow with the conversation (the chat gateway asks it on every join).
         */
        get: operations["getConversationMembership"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a member to a conversation
         * @description Any member may add an enabled user. Adding a member twice changes nothing.
         */
        post: operations["addConversationMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member from a conversation (or leave it) */
        delete: operations["removeConversationMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Messages of a conversation after a seq
         * @description Ascending by seq. To catch up after a disconnect, pass the last seq you have as `after`.
         */
        get: operations["listMessages"];
        put?: never;
        /**
         * Post a message
         * @description Stored as the next seq of the conversation and published to live clients. A message that mentions `@assistant` is answered by the product assistant. Resending the same `clientMessageId` returns the stored message (200) and stores nothing.
         */
        post: operations["postMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/message-batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post several messages, each as its own author (the chat gateway’s call)
         * @description Up to 100 posts, each carrying its author's access token and answered as `postMessage` would answer it alone: the token is verified, the author must be a member, `clientMessageId` is the idempotency key. Posts to one conversation get consecutive seqs in the items' order. Public: each item is its own credential, so an item with a bad token is refused (401 in its result) and the others are not. The chat gateway sends its users' posts this way: one request for the posts that arrived while its earlier requests were being answered.
         */
        post: operations["postMessageBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Move your read marker
         * @description The marker only moves forward; a lower seq than your marker changes nothing.
         */
        put: operations["markConversationRead"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a one-time ticket to open the chat WebSocket
         * @description For browsers, which cannot send Authorization on a WebSocket upgrade: connect with `?ticket=`. Single use, valid for CHAT_TICKET_TTL_SECONDS (30 s by default), and only from the `Origin` this request came from.
         */
        post: operations["issueChatTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/chat/tickets/redeem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a chat ticket for an access token (the chat gateway’s call)
         * @description Public: the single-use ticket is the credential. Gives an access token of the session the ticket was issued in. A ticket is spent by its first redeem, whatever the outcome.
         */
        post: operations["redeemChatTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who did what, newest first
         * @description Entries about staff accounts and sessions (`entityType` `user` or `session`: logins, accounts created, role changes) are shown to admins only; for other roles they are left out, so `entityType=user` gives them an empty page.
         */
        get: operations["listActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Health: {
            /**
             * @description `degraded`: an optional dependency (the graph) is down.
             * @enum {string}
             */
            status: "ok" | "degraded";
            version: string;
            uptimeSeconds: number;
            checks: {
                [key: string]: components["schemas"]["DependencyStatus"];
            };
        };
        DependencyStatus: {
            /** @enum {string} */
            status: "up" | "down" | "disabled";
            required: boolean;
            /** @description Measured round trip of the check; null when not run. */
            latencyMs: number | null;
            detail?: string;
        };
        /** @description RFC 9457 problem details. */
        Problem: {
            /** @example https://nexus.dev/problems/validation */
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            errors?: components["schemas"]["FieldError"][];
        } & {
            [key: string]: unknown;
        };
        FieldError: {
            /** @example body.email */
            path: string;
            message: string;
            code?: string;
        };
        Readiness: {
            /** @enum {string} */
            status: "ready";
            version: string;
            uptimeSeconds: number;
            checks: {
                [key: string]: components["schemas"]["DependencyStatus"];
            };
        };
        Metrics: {
            users: {
                total: number;
                active: number;
            };
            customers: {
                total: number;
                archived: number;
                createdLast7Days: number;
            };
            activity: {
                last24Hours: number;
            };
            catalogue: {
                total: number;
                active: number;
                /** @description Active products with no stock. */
                outOfStock: number;
                brands: number;
                categories: number;
                /** @description Catalogue changes not yet applied to the knowledge graph. */
                graphSyncPending: number;
            };
            /** Format: date-time */
            generatedAt: string;
        };
        /** @description Aggregates only: no names of customers or people. */
        Dashboard: {
            customers: {
                active: number;
                createdLast7Days: number;
            };
            /** @description Changes recorded per UTC day, the last 14 days, oldest first (days with none are 0). */
            activityByDay: {
                /** @example 2026-11-25 */
                date: string;
                count: number;
            }[];
            catalogue: {
                activeProducts: number;
                /** @description Active products with no stock. */
                outOfStock: number;
                brands: number;
                categories: number;
            };
            quotes: components["schemas"]["QuoteDashboard"];
            /** Format: date-time */
            generatedAt: string;
        };
        QuoteDashboard: {
            /** @description Every status, with the deals in it (latest revision of each quote number) and their value. */
            pipeline: {
                status: components["schemas"]["QuoteStatus"];
                count: number;
                /** @description Total value per currency (amounts in different currencies are never added). */
                totals: {
                    currency: string;
                    totalMinor: number;
                }[];
            }[];
            /** @description Deals not decided yet (draft or sent). */
            open: number;
            /** @description New quotes per week, the last 12 weeks, oldest first (weeks with none are 0). */
            perWeek: {
                /**
                 * @description Monday of the week.
                 * @example 2026-11-23
                 */
                weekStart: string;
                count: number;
            }[];
            /** @description Outcomes of the deals that were sent to customers. */
            winRate: {
                accepted: number;
                rejected: number;
                expired: number;
                /** @description accepted ÷ (accepted + rejected + expired) among sent deals; null until one is decided. */
                rate: number | null;
            };
            /** @description The products on the most deals sent to customers, most first (at most 5). */
            topProducts: {
                productId: string;
                sku: string;
                name: string;
                quoteCount: number;
            }[];
        };
        /**
         * @description draft → sent → accepted | rejected; draft/sent → expired after the validity date; any → cancelled (admin).
         * @enum {string}
         */
        QuoteStatus: "draft" | "sent" | "accepted" | "rejected" | "expired" | "cancelled";
        TokenPair: {
            /** @description Send as `Authorization: Bearer <accessToken>`. */
            accessToken: string;
            /** @enum {string} */
            tokenType: "Bearer";
            /** @description Seconds until the access token expires. */
            expiresIn: number;
            /** @description Exchange at /api/auth/refresh for a new pair; each is single use. */
            refreshToken: string;
            refreshExpiresIn: number;
            user: components["schemas"]["User"];
        };
        User: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            id: string;
            email: string;
            name: string;
            role: components["schemas"]["Role"];
            disabled: boolean;
            /** @description Increments on every change; the `ETag` is this number in quotes. */
            version: number;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            updatedAt: string;
        };
        /** @enum {string} */
        Role: "admin" | "sales" | "viewer";
        LoginRequest: {
            /** @example ada@example.com */
            email: string;
            /** Format: password */
            password: string;
        };
        RefreshRequest: {
            /** @description From the last login or refresh; single use. */
            refreshToken: string;
        };
        /** @description Public keys that verify access tokens (RFC 7517). */
        JsonWebKeySet: {
            keys: {
                [key: string]: unknown;
            }[];
        };
        UserPage: {
            items: components["schemas"]["User"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        CreateUserRequest: {
            /** @example buyer@example.com */
            email: string;
            name: string;
            role: components["schemas"]["Role"];
            /**
             * Format: password
             * @description At least 12 characters and at most 72 bytes in UTF-8 (bcrypt reads no further; `maxLength` bounds the characters, the server counts the bytes); the user can change it later.
             */
            password: string;
        };
        UpdateUserRequest: {
            name?: string;
            role?: components["schemas"]["Role"];
            /** @description Disabling ends every session of the user at once. */
            disabled?: boolean;
        };
        CustomerPage: {
            items: components["schemas"]["Customer"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        Customer: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            id: string;
            name: string;
            email: string | null;
            phone: string | null;
            company: string | null;
            taxId: string | null;
            billingAddress: string | null;
            notes: string | null;
            archived: boolean;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            archivedAt: string | null;
            /** @description Increments on every change; the `ETag` is this number in quotes. */
            version: number;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            updatedAt: string;
        };
        CreateCustomerRequest: {
            /** @example Tan Hardware Pte Ltd */
            name: string;
            /** @example buyer@example.com */
            email?: string | null;
            phone?: string | null;
            company?: string | null;
            taxId?: string | null;
            billingAddress?: string | null;
            notes?: string | null;
        };
        /** @description Only the fields present change; `null` clears an optional field. */
        UpdateCustomerRequest: {
            /** @example Tan Hardware Pte Ltd */
            name?: string;
            /** @example buyer@example.com */
            email?: string | null;
            phone?: string | null;
            company?: string | null;
            taxId?: string | null;
            billingAddress?: string | null;
            notes?: string | null;
        };
        ProductSearchPage: {
            items: components["schemas"]["ProductSearchHit"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        ProductSearchHit: {
            /** @description Relevance; higher first. Exact SKU/model match adds 100, partial code 30, full text up to 20, similarity up to 10. */
            score: number;
            match: {
                /** @description The query is this SKU or one of its model numbers (case, spaces and punctuation ignored). */
                exactCode: boolean;
                /** @description The query is part of the SKU or a model number. */
                partialCode: boolean;
                /** @description All words of the query occur (stemmed) in name, codes, brand, category or description. */
                fullText: boolean;
                /** @description Trigram word similarity (0–1) with SKU, models, name, brand and category: forgives typos. */
                similarity: number;
            };
            product: components["schemas"]["Product"];
        };
        Product: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            id: string;
            sku: string;
            name: string;
            description: string | null;
            brand: string | null;
            category: string | null;
            modelNumbers: string[];
            /** @description Unit of measure (EA, BOX, M, …). */
            unit: string;
            /** @description Unit price in minor units of `currency` (1999 = 19.99). */
            unitPriceMinor: number;
            currency: string;
            stockQuantity: number;
            inStock: boolean;
            attributes: {
                [key: string]: unknown;
            };
            active: boolean;
            /** @description Increments on every change; the `ETag` is this number in quotes. */
            version: number;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            updatedAt: string;
        };
        ProductPage: {
            items: components["schemas"]["Product"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        CreateProductRequest: {
            /** @example DCD791D2 */
            sku: string;
            /** @example DeWalt 18V XR Brushless Drill Driver */
            name: string;
            description?: string | null;
            /** @example DeWalt */
            brand?: string | null;
            /** @example Power Tools */
            category?: string | null;
            /**
             * @example [
             *       "DCD791",
             *       "DCD791D2"
             *     ]
             */
            modelNumbers?: string[];
            /**
             * @description Unit of measure; EA when omitted.
             * @example EA
             */
            unit?: string;
            /** @example 19900 */
            unitPriceMinor: number;
            /** @example SGD */
            currency: string;
            /**
             * @description 0 when omitted.
             * @example 12
             */
            stockQuantity?: number;
            /**
             * @description Free-form specifications (voltage, size, …): names to strings, numbers, booleans or null.
             * @example {
             *       "voltage": "18V",
             *       "chuckMm": 13
             *     }
             */
            attributes?: {
                [key: string]: string | number | boolean | null;
            };
            /** @description true when omitted. */
            active?: boolean;
        };
        /** @description Only the fields present change; `null` clears an optional field. */
        UpdateProductRequest: {
            /** @example DCD791D2 */
            sku?: string;
            /** @example DeWalt 18V XR Brushless Drill Driver */
            name?: string;
            description?: string | null;
            /** @example DeWalt */
            brand?: string | null;
            /** @example Power Tools */
            category?: string | null;
            /**
             * @example [
             *       "DCD791",
             *       "DCD791D2"
             *     ]
             */
            modelNumbers?: string[];
            /**
             * @description Unit of measure; EA when omitted.
             * @example EA
             */
            unit?: string;
            /** @example 19900 */
            unitPriceMinor?: number;
            /** @example SGD */
            currency?: string;
            /**
             * @description 0 when omitted.
             * @example 12
             */
            stockQuantity?: number;
            /**
             * @description Free-form specifications (voltage, size, …): names to strings, numbers, booleans or null.
             * @example {
             *       "voltage": "18V",
             *       "chuckMm": 13
             *     }
             */
            attributes?: {
                [key: string]: string | number | boolean | null;
            };
            /** @description true when omitted. */
            active?: boolean;
        };
        RelatedProducts: {
            product: components["schemas"]["Product"];
            groups: components["schemas"]["RelatedGroup"][];
        };
        RelatedGroup: {
            /** @enum {string} */
            group: "accessories" | "requires" | "compatible" | "alternatives" | "accessoryOf" | "requiredBy" | "quotedWith";
            /** @enum {string} */
            relation: "COMPATIBLE_WITH" | "ALTERNATIVE_TO" | "ACCESSORY_OF" | "REQUIRES" | "QUOTED_WITH";
            /**
             * @description Which way the relation points from the product asked about.
             * @enum {string}
             */
            direction: "outgoing" | "incoming" | "both";
            title: string;
            items: components["schemas"]["RelatedProduct"][];
        };
        RelatedProduct: {
            product: components["schemas"]["Product"];
            /** @description Rank within the group; higher first. */
            score: number;
            /**
             * @description Why it is suggested, in words for a salesperson.
             * @example An accessory for DeWalt 18V Drill; quoted together on 3 quotes
             */
            reason: string;
            /** @description The note stored on the relation, if any. */
            note: string | null;
        };
        TaskPage: {
            items: components["schemas"]["Task"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        /** @description A job people buy products for ("drill into concrete"); products are USED_FOR tasks. */
        Task: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            id: string;
            name: string;
            description: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            updatedAt: string;
        };
        CreateTaskRequest: {
            /** @example Drilling into concrete */
            name: string;
            description?: string | null;
        };
        TaskKit: {
            task: components["schemas"]["Task"];
            /** @description Products USED_FOR the task, in stock first. */
            products: components["schemas"]["KitItem"][];
            /** @description What those products REQUIRE (e.g. safety equipment), followed transitively up to 3 hops; each once. */
            requiredItems: components["schemas"]["KitItem"][];
        };
        KitItem: {
            product: components["schemas"]["Product"];
            /** @example Required by DeWalt SDS Hammer Drill (eye protection) */
            reason: string;
            /** @description Products of the kit that require this one (empty for the task's own products). */
            requiredBy: string[];
        };
        RelationPage: {
            items: components["schemas"]["Relation"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        Relation: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            id: string;
            type: components["schemas"]["RelationType"];
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            productId: string;
            /**
             * Format: uuid
             * @description The other product; null for USED_FOR.
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            relatedProductId: string | null;
            /**
             * Format: uuid
             * @description The task, for USED_FOR; null otherwise.
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            taskId: string | null;
            note: string | null;
            /** @enum {string} */
            source: "manual" | "import";
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            createdAt: string;
        };
        /**
         * @description `COMPATIBLE_WITH` and `ALTERNATIVE_TO` read both ways; `ACCESSORY_OF` (product is an accessory of the related one), `REQUIRES` (product needs the related one, e.g. safety equipment) and `USED_FOR` (product → task) are directed.
         * @enum {string}
         */
        RelationType: "COMPATIBLE_WITH" | "ALTERNATIVE_TO" | "ACCESSORY_OF" | "REQUIRES" | "USED_FOR";
        CreateRelationRequest: components["schemas"]["CreateProductRelationRequest"] | components["schemas"]["CreateUsedForRelationRequest"];
        CreateProductRelationRequest: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "COMPATIBLE_WITH" | "ALTERNATIVE_TO" | "ACCESSORY_OF" | "REQUIRES";
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            productId: string;
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            relatedProductId: string;
            /** @description Shown with the suggestion, e.g. "use with 13 mm chuck". */
            note?: string | null;
        };
        CreateUsedForRelationRequest: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "USED_FOR";
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            productId: string;
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            taskId: string;
            /** @description Shown with the suggestion, e.g. "use with 13 mm chuck". */
            note?: string | null;
        };
        ImportJob: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            id: string;
            /**
             * @description `failed` jobs say in `error` where they stopped; rows before that point are applied, none after.
             * @enum {string}
             */
            status: "queued" | "running" | "succeeded" | "failed";
            /** @enum {string} */
            format: "csv" | "xlsx";
            fileName: string | null;
            /** @description Bytes uploaded. */
            fileSize: number;
            /** @description Data rows in the file; null until the file is read. */
            rowsTotal: number | null;
            /** @description Rows processed and committed (created, updated, unchanged or rejected). */
            rowsDone: number;
            /** @description rowsDone / rowsTotal (0 before the file is read). */
            progress: number;
            created: number;
            updated: number;
            /** @description Rows equal to the product already stored. */
            unchanged: number;
            rejected: number;
            /** @description Relations created from relation columns (accessory_of, compatible_with, …). */
            relationsCreated: number;
            error: string | null;
            /** @description Times a worker took the job (more than 1 after a restart resumed it). */
            attempts: number;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            startedAt: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            finishedAt: string | null;
        };
        ImportJobPage: {
            items: components["schemas"]["ImportJob"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        ImportJobDetail: components["schemas"]["ImportJob"] & {
            /** @description Rejected rows with the reason, by row number (the first 1,000). */
            rejectedRows: components["schemas"]["ImportIssue"][];
            /** @description Applied rows with a problem, e.g. a relation naming an unknown SKU (the first 1,000). */
            warnings: components["schemas"]["ImportIssue"][];
        };
        ImportIssue: {
            /** @description Row number in the file (the header is row 1). */
            row: number;
            sku: string | null;
            /** @example bad price: "12,5O" is not a number */
            reason: string;
        };
        QuotePage: {
            items: components["schemas"]["QuoteSummary"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        QuoteSummary: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            id: string;
            /**
             * @description `Q-YYYY-NNNNNN`, gap-free per year; revisions keep it.
             * @example Q-2026-000123
             */
            number: string;
            /** @description 1 for the original; a revision has the next number. */
            revision: number;
            /**
             * Format: uuid
             * @description The quote this one revises.
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            revisionOf: string | null;
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            customerId: string;
            customerName: string;
            title: string;
            currency: string;
            /** @description Tax rate in basis points (9% = 900). */
            taxRateBp: number;
            /**
             * Format: date
             * @description Valid through this day; expires after it.
             */
            validUntil: string;
            notes: string | null;
            status: components["schemas"]["QuoteStatus"];
            /** @description Statuses **you** can move it to now (`POST /api/quotes/{id}/transitions`): per caller, because who may take a step depends on the step (any staff member sends, accepts and rejects; only an admin cancels), which the operation’s roles cannot say. Empty for a viewer. */
            allowedTransitions: components["schemas"]["QuoteStatus"][];
            /** @description Whether its details and lines can be changed now (drafts only). Who may change them is the roles of `updateQuote`. */
            editable: boolean;
            /** @description Whether a revision can be made from it now (`POST /api/quotes/{id}/revisions`: it was sent, rejected or expired). A fact of the quote, the same for every caller; who may revise is the roles of `reviseQuote`. */
            revisable: boolean;
            /** @description Integer minor units of the quote currency (cents for SGD). */
            subtotalMinor: number;
            /** @description round-half-up(subtotal × tax rate). */
            taxMinor: number;
            /** @description subtotal + tax. */
            totalMinor: number;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            statusChangedAt: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            sentAt: string | null;
            /** @description Increments on every change (lines too); the `ETag` is this number in quotes. */
            version: number;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            updatedAt: string;
        };
        Quote: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            id: string;
            /**
             * @description `Q-YYYY-NNNNNN`, gap-free per year; revisions keep it.
             * @example Q-2026-000123
             */
            number: string;
            /** @description 1 for the original; a revision has the next number. */
            revision: number;
            /**
             * Format: uuid
             * @description The quote this one revises.
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            revisionOf: string | null;
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            customerId: string;
            customerName: string;
            title: string;
            currency: string;
            /** @description Tax rate in basis points (9% = 900). */
            taxRateBp: number;
            /**
             * Format: date
             * @description Valid through this day; expires after it.
             */
            validUntil: string;
            notes: string | null;
            status: components["schemas"]["QuoteStatus"];
            /** @description Statuses **you** can move it to now (`POST /api/quotes/{id}/transitions`): per caller, because who may take a step depends on the step (any staff member sends, accepts and rejects; only an admin cancels), which the operation’s roles cannot say. Empty for a viewer. */
            allowedTransitions: components["schemas"]["QuoteStatus"][];
            /** @description Whether its details and lines can be changed now (drafts only). Who may change them is the roles of `updateQuote`. */
            editable: boolean;
            /** @description Whether a revision can be made from it now (`POST /api/quotes/{id}/revisions`: it was sent, rejected or expired). A fact of the quote, the same for every caller; who may revise is the roles of `reviseQuote`. */
            revisable: boolean;
            /** @description Integer minor units of the quote currency (cents for SGD). */
            subtotalMinor: number;
            /** @description round-half-up(subtotal × tax rate). */
            taxMinor: number;
            /** @description subtotal + tax. */
            totalMinor: number;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            statusChangedAt: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            sentAt: string | null;
            /** @description Increments on every change (lines too); the `ETag` is this number in quotes. */
            version: number;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            updatedAt: string;
            /** @description At most 250 lines. */
            lines: components["schemas"]["QuoteLine"][];
        };
        QuoteLine: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            id: string;
            /** @description 1-based order on the quote. */
            position: number;
            /**
             * Format: uuid
             * @description The catalogue product, or null for a free-text item.
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            productId: string | null;
            /** @description The SKU when the line was added (kept if the catalogue changes). */
            sku: string | null;
            description: string;
            /**
             * @description Exact decimal as text (no binary floating point): positive, up to 7 digits and 3 decimals.
             * @example 12
             */
            quantity: string;
            unit: string;
            /** @description Integer minor units of the quote currency (cents for SGD). */
            unitPriceMinor: number;
            discountBp: number;
            /** @description round-half-up(quantity × unit price × (1 − discount)). */
            lineTotalMinor: number;
        };
        CreateQuoteRequest: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            customerId: string;
            /** @example Site tools for Jurong project */
            title: string;
            /**
             * @description Defaults to the configured currency.
             * @example SGD
             */
            currency?: string;
            /**
             * @description Defaults to the configured rate.
             * @example 900
             */
            taxRateBp?: number;
            /**
             * Format: date
             * @description Defaults to today plus the configured validity days. Not before today.
             * @example 2026-12-31
             */
            validUntil?: string;
            /** @example Delivery within 5 working days. */
            notes?: string | null;
        };
        /** @description Drafts only. Only the fields present change; `null` clears notes. */
        UpdateQuoteRequest: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            customerId?: string;
            /** @example Site tools for Jurong project */
            title?: string;
            /**
             * @description Only while the quote has no lines.
             * @example SGD
             */
            currency?: string;
            /**
             * @description Tax rate in basis points (9% = 900).
             * @example 900
             */
            taxRateBp?: number;
            /**
             * Format: date
             * @description Not before today.
             * @example 2026-12-31
             */
            validUntil?: string;
            /** @example Delivery within 5 working days. */
            notes?: string | null;
        };
        /** @description A catalogue product (`productId`) or a free-text item (`description` and `unitPriceMinor`). */
        AddQuoteLineRequest: components["schemas"]["AddCatalogueQuoteLine"] | components["schemas"]["AddFreeTextQuoteLine"];
        AddCatalogueQuoteLine: {
            /**
             * Format: uuid
             * @description Catalogue product; its name, unit and current price are copied onto the line.
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            productId: string;
            /**
             * @description Exact decimal as text (no binary floating point): positive, up to 7 digits and 3 decimals.
             * @example 12
             */
            quantity: string;
            /**
             * @description Defaults to the product's name.
             * @example Cordless drill 18V, 2 batteries
             */
            description?: string;
            /** @example EA */
            unit?: string;
            /**
             * @description Defaults to the product's price (which must then be in the quote currency).
             * @example 12990
             */
            unitPriceMinor?: number;
            /**
             * @description Line discount in basis points: 1250 = 12.5 %.
             * @example 0
             */
            discountBp?: number;
        };
        AddFreeTextQuoteLine: {
            /** @example Cordless drill 18V, 2 batteries */
            description: string;
            /**
             * @description Exact decimal as text (no binary floating point): positive, up to 7 digits and 3 decimals.
             * @example 12
             */
            quantity: string;
            /**
             * @description Unit price in integer minor units of the quote currency.
             * @example 12990
             */
            unitPriceMinor: number;
            /**
             * @description Defaults to EA.
             * @example EA
             */
            unit?: string;
            /**
             * @description Line discount in basis points: 1250 = 12.5 %.
             * @example 0
             */
            discountBp?: number;
        };
        /** @description Drafts only. Only the fields present change. */
        UpdateQuoteLineRequest: {
            /** @example Cordless drill 18V, 2 batteries */
            description?: string;
            /**
             * @description Exact decimal as text (no binary floating point): positive, up to 7 digits and 3 decimals.
             * @example 12
             */
            quantity?: string;
            /** @example EA */
            unit?: string;
            /**
             * @description Unit price in integer minor units of the quote currency.
             * @example 12990
             */
            unitPriceMinor?: number;
            /**
             * @description Line discount in basis points: 1250 = 12.5 %.
             * @example 0
             */
            discountBp?: number;
        };
        /**
         * @example {
         *       "to": "sent"
         *     }
         */
        QuoteTransitionRequest: {
            to: components["schemas"]["QuoteTransitionTarget"];
        };
        /**
         * @example sent
         * @enum {string}
         */
        QuoteTransitionTarget: "sent" | "accepted" | "rejected" | "cancelled";
        QuoteSuggestions: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            quoteId: string;
            /** @description Items the quoted products require (e.g. safety equipment) and the quote lacks. */
            required: components["schemas"]["QuoteSuggestion"][];
            /** @description Accessories of the quoted products the quote lacks. */
            accessories: components["schemas"]["QuoteSuggestion"][];
            /** @description Products often on the same sent quotes (QUOTED_WITH). */
            oftenQuotedTogether: components["schemas"]["QuoteSuggestion"][];
        };
        QuoteSuggestion: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            productId: string;
            sku: string;
            name: string;
            unit: string;
            /** @description Integer minor units of the quote currency (cents for SGD). */
            unitPriceMinor: number;
            currency: string;
            inStock: boolean;
            /** @description Higher first. */
            score: number;
            /** @description Why, one entry per product of the quote that led here. */
            reasons: string[];
            /** @description Products of the quote that led to this suggestion. */
            forProductIds: string[];
        };
        Document: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            id: string;
            /**
             * @description The name the file was uploaded with.
             * @example RFQ-Jurong-0412.xlsx
             */
            fileName: string | null;
            kind: components["schemas"]["DocumentKind"];
            /**
             * @description The media type of the original (from its content).
             * @example application/pdf
             */
            mediaType: string;
            sizeBytes: number;
            /** @description SHA-256 of the original, hex. The same bytes uploaded again answer this document. */
            checksum: string;
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            customerId: string | null;
            customerName: string | null;
            status: components["schemas"]["DocumentStatus"];
            /** @description Share of the reading done (items matched / items found while processing; 1 once ended). */
            progress: number;
            /** @description Why the document could not be read (status `failed`). */
            error: string | null;
            /** @description Requested items read from the document. */
            itemCount: number;
            /** @description Items with a chosen catalogue product. */
            matchedCount: number;
            /**
             * Format: uuid
             * @description The draft quote made from this document.
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            quoteId: string | null;
            quoteNumber: string | null;
            /** @description Increments on every change (items too); the `ETag` is this number in quotes. */
            version: number;
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            createdBy: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            updatedAt: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            processedAt: string | null;
        };
        /**
         * @description What the file is, decided from its bytes (never from its name).
         * @enum {string}
         */
        DocumentKind: "xlsx" | "docx" | "pdf" | "csv" | "text" | "email";
        /**
         * @description `queued` → `processing` → `extracted` (items read and matched) or `failed` (`error` says why, for a person: "PDF has no text layer …", "no table with a quantity column found …").
         * @enum {string}
         */
        DocumentStatus: "queued" | "processing" | "extracted" | "failed";
        DocumentPage: {
            items: components["schemas"]["Document"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        RecentDocuments: {
            items: components["schemas"]["Document"][];
        };
        DocumentDetail: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            id: string;
            /**
             * @description The name the file was uploaded with.
             * @example RFQ-Jurong-0412.xlsx
             */
            fileName: string | null;
            kind: components["schemas"]["DocumentKind"];
            /**
             * @description The media type of the original (from its content).
             * @example application/pdf
             */
            mediaType: string;
            sizeBytes: number;
            /** @description SHA-256 of the original, hex. The same bytes uploaded again answer this document. */
            checksum: string;
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            customerId: string | null;
            customerName: string | null;
            status: components["schemas"]["DocumentStatus"];
            /** @description Share of the reading done (items matched / items found while processing; 1 once ended). */
            progress: number;
            /** @description Why the document could not be read (status `failed`). */
            error: string | null;
            /** @description Requested items read from the document. */
            itemCount: number;
            /** @description Items with a chosen catalogue product. */
            matchedCount: number;
            /**
             * Format: uuid
             * @description The draft quote made from this document.
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            quoteId: string | null;
            quoteNumber: string | null;
            /** @description Increments on every change (items too); the `ETag` is this number in quotes. */
            version: number;
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            createdBy: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            updatedAt: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            processedAt: string | null;
            items: components["schemas"]["DocumentItem"][];
        };
        DocumentItem: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            id: string;
            /** @description 1-based order in the document. */
            position: number;
            /** @description As written. */
            description: string;
            specification: string | null;
            brand: string | null;
            /** @description Model, part or catalogue number from its own column. */
            code: string | null;
            remarks: string | null;
            /**
             * @description Exact decimal as text; null when the document gave none that fits a quote line.
             * @example 12
             */
            quantity: string | null;
            /** @description Normalised (EA, BOX, PR, …) or as written; editable. */
            unit: string | null;
            /** @description The unit as the document wrote it. */
            unitWritten: string | null;
            location: components["schemas"]["SourceLocation"];
            /** @example sheet RFQ row 7 */
            locationLabel: string;
            /** @description How sure the reader is that this is a requested item with this quantity. */
            confidence: number;
            /**
             * @description The matcher’s verdict (never silently matched below its threshold).
             * @enum {string}
             */
            match: "matched" | "no-confident-match";
            /** @description Why there is no confident match. */
            matchReason: string | null;
            /** @description Best first. */
            candidates: components["schemas"]["DocumentItemCandidate"][];
            /** @description The product the quote line will be: the confident match until a person chooses; null makes a free-text line. */
            chosen: {
                /**
                 * Format: uuid
                 * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
                 */
                productId: string;
                sku: string;
                name: string;
            } | null;
            /** @description Marked by a person as not a requested item: left out of the quote. */
            notAnItem: boolean;
            /** @description A person changed it. */
            reviewed: boolean;
        };
        /** @description Where the item is in the original, in the file’s own terms (1-based). */
        SourceLocation: {
            /** @enum {string} */
            kind: "sheet";
            sheet: string;
            row: number;
            column?: string;
        } | {
            /** @enum {string} */
            kind: "table";
            table: number;
            row: number;
        } | {
            /** @enum {string} */
            kind: "page";
            page: number;
            row: number;
        } | {
            /** @enum {string} */
            kind: "row";
            row: number;
        } | {
            /** @enum {string} */
            kind: "paragraph";
            paragraph: number;
        } | {
            /** @enum {string} */
            kind: "bullet";
            list: number;
            item: number;
        } | {
            /** @enum {string} */
            kind: "line";
            line: number;
        };
        DocumentItemCandidate: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            productId: string;
            sku: string;
            name: string;
            /** @description 0–1; a match needs 0.6 and a clear lead over the next candidate. */
            score: number;
            /** @description What matched: "code DCD791D2 = SKU", "words: angle, grinder". */
            reasons: string[];
            /** @description What disagrees: "voltage 12V ≠ 18V". */
            conflicts: string[];
        };
        /**
         * @description Only the fields present change. The document must be `extracted`.
         * @example {
         *       "quantity": "12",
         *       "unit": "EA"
         *     }
         */
        UpdateDocumentItemRequest: {
            /**
             * Format: uuid
             * @description The chosen catalogue product (any, not only a candidate); null: none (a free-text line).
             * @example null
             */
            productId?: string | null;
            /**
             * @description Exact decimal as text (no binary floating point): positive, up to 7 digits and 3 decimals.
             * @example 12
             */
            quantity?: string;
            /** @example EA */
            unit?: string;
            notAnItem?: boolean;
        };
        CreateQuoteFromDocumentRequest: {
            /**
             * Format: uuid
             * @description Defaults to the document’s customer; required when it has none.
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            customerId?: string;
            /** @description Defaults to "RFQ <file name>". */
            title?: string;
        };
        Conversation: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            id: string;
            title: string;
            /**
             * Format: uuid
             * @description The quote this conversation is about; its changes appear here as system messages.
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            quoteId: string | null;
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            customerId: string | null;
            /** @description The seq of the newest message (0: no messages yet). */
            lastSeq: number;
            members: components["schemas"]["ConversationMember"][];
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            createdBy: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            updatedAt: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            lastActivityAt: string;
        };
        ConversationMember: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            id: string;
            displayName: string;
            /** @description The last seq this member marked read (0: none). */
            readSeq: number;
        };
        CreateConversationRequest: {
            /** @example Hotel Marina fit-out */
            title: string;
            /** @description Other members (enabled users); you are always a member. */
            memberIds: string[];
            /**
             * Format: uuid
             * @description Link to a quote: its changes are posted here as system messages.
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            quoteId?: string;
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            customerId?: string;
        };
        ConversationPage: {
            items: components["schemas"]["ConversationSummary"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        ConversationSummary: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            id: string;
            title: string;
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            quoteId: string | null;
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            customerId: string | null;
            lastSeq: number;
            /** @description Your read marker. */
            readSeq: number;
            /** @description Messages of others after your read marker. */
            unreadCount: number;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            lastActivityAt: string;
        };
        ConversationMembership: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            conversationId: string;
            /** @description The seq of the newest message (0: no messages yet). */
            lastSeq: number;
            /** @description Your read marker. */
            readSeq: number;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            joinedAt: string;
        };
        AddConversationMemberRequest: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            userId: string;
        };
        MessagePage: {
            items: components["schemas"]["Message"][];
            /** @description Pass as `after` for the next page; null when there is no more yet. */
            nextAfter: number | null;
        };
        Message: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            id: string;
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            conversationId: string;
            /**
             * @description Position in the conversation: 1, 2, 3, … without gaps.
             * @example 42
             */
            seq: number;
            /**
             * @description `user`: written by a member; `system`: a change the platform reports (e.g. to a linked quote); `assistant`: the product assistant’s answer.
             * @enum {string}
             */
            kind: "user" | "system" | "assistant";
            /** @description The member who wrote it; null for system and assistant messages. */
            author: {
                /**
                 * Format: uuid
                 * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
                 */
                id: string;
                displayName: string;
            } | null;
            text: string;
            /**
             * Format: uuid
             * @description The idempotency key the author sent; null for system and assistant messages.
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            clientMessageId: string | null;
            references: components["schemas"]["MessageReference"][];
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            createdAt: string;
        };
        /** @description Something a message mentions, for the client to link to. */
        MessageReference: {
            /** @enum {string} */
            type: "product" | "quote";
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            id: string;
            /** @example Q-2026-000123 */
            label: string;
        };
        PostMessageRequest: {
            /** @example @assistant price of SKU DRL-18V? */
            text: string;
            /**
             * Format: uuid
             * @description Your id for this message, made once and reused for every resend: a resend returns the stored message instead of a second one.
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            clientMessageId: string;
        };
        MessageBatchResults: {
            /** @description One per item, in the items' order. */
            results: components["schemas"]["MessageBatchResult"][];
        };
        MessageBatchResult: components["schemas"]["MessageBatchStored"] | components["schemas"]["MessageBatchRefused"];
        MessageBatchStored: {
            /**
             * @description 201: stored now; 200: this `clientMessageId` was stored before (the original message).
             * @enum {number}
             */
            status: 201;
            message: components["schemas"]["Message"];
        };
        MessageBatchRefused: {
            /** @description What `postMessage` would have answered: 401, 404, … */
            status: number;
            problem: components["schemas"]["Problem"];
        };
        PostMessageBatchRequest: {
            items: components["schemas"]["MessageBatchItem"][];
        };
        MessageBatchItem: {
            /** @description The author's access token. The item is authorised exactly as `postMessage` called with `Authorization: Bearer <accessToken>`. */
            accessToken: string;
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            conversationId: string;
            text: string;
            /**
             * Format: uuid
             * @description Your id for this message, made once and reused for every resend: a resend returns the stored message instead of a second one.
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            clientMessageId: string;
        };
        MarkConversationReadRequest: {
            /**
             * @description The newest seq you have seen.
             * @example 42
             */
            seq: number;
        };
        ChatTicket: {
            /** @description Open the chat WebSocket with `?ticket=<ticket>`; single use. */
            ticket: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            expiresAt: string;
        };
        RedeemedChatTicket: {
            /** @description An access token of the ticket's session, for that user's calls. */
            accessToken: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            expiresAt: string;
            user: {
                /**
                 * Format: uuid
                 * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
                 */
                id: string;
                email: string;
                displayName: string;
                role: components["schemas"]["Role"];
            };
        };
        RedeemChatTicketRequest: {
            ticket: string;
            /**
             * @description The `Origin` of the WebSocket upgrade the ticket came with; null when it had none.
             * @example http://localhost:3010
             */
            origin: string | null;
        };
        ActivityPage: {
            items: components["schemas"]["Activity"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        Activity: {
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            id: string;
            /** @example customer.updated */
            action: string;
            /** @example customer */
            entityType: string;
            /**
             * Format: uuid
             * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
             */
            entityId: string | null;
            summary: string;
            actor: {
                /**
                 * Format: uuid
                 * @example 0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e
                 */
                id: string;
                name: string;
            } | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            createdAt: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type Health = components['schemas']['Health'];
export type DependencyStatus = components['schemas']['DependencyStatus'];
export type Problem = components['schemas']['Problem'];
export type FieldError = components['schemas']['FieldError'];
export type Readiness = components['schemas']['Readiness'];
export type Metrics = components['schemas']['Metrics'];
export type Dashboard = components['schemas']['Dashboard'];
export type QuoteDashboard = components['schemas']['QuoteDashboard'];
export type QuoteStatus = components['schemas']['QuoteStatus'];
export type TokenPair = components['schemas']['TokenPair'];
export type User = components['schemas']['User'];
export type Role = components['schemas']['Role'];
export type LoginRequest = components['schemas']['LoginRequest'];
export type RefreshRequest = components['schemas']['RefreshRequest'];
export type JsonWebKeySet = components['schemas']['JsonWebKeySet'];
export type UserPage = components['schemas']['UserPage'];
export type CreateUserRequest = components['schemas']['CreateUserRequest'];
export type UpdateUserRequest = components['schemas']['UpdateUserRequest'];
export type CustomerPage = components['schemas']['CustomerPage'];
export type Customer = components['schemas']['Customer'];
export type CreateCustomerRequest = components['schemas']['CreateCustomerRequest'];
export type UpdateCustomerRequest = components['schemas']['UpdateCustomerRequest'];
export type ProductSearchPage = components['schemas']['ProductSearchPage'];
export type ProductSearchHit = components['schemas']['ProductSearchHit'];
export type Product = components['schemas']['Product'];
export type ProductPage = components['schemas']['ProductPage'];
export type CreateProductRequest = components['schemas']['CreateProductRequest'];
export type UpdateProductRequest = components['schemas']['UpdateProductRequest'];
export type RelatedProducts = components['schemas']['RelatedProducts'];
export type RelatedGroup = components['schemas']['RelatedGroup'];
export type RelatedProduct = components['schemas']['RelatedProduct'];
export type TaskPage = components['schemas']['TaskPage'];
export type Task = components['schemas']['Task'];
export type CreateTaskRequest = components['schemas']['CreateTaskRequest'];
export type TaskKit = components['schemas']['TaskKit'];
export type KitItem = components['schemas']['KitItem'];
export type RelationPage = components['schemas']['RelationPage'];
export type Relation = components['schemas']['Relation'];
export type RelationType = components['schemas']['RelationType'];
export type CreateRelationRequest = components['schemas']['CreateRelationRequest'];
export type CreateProductRelationRequest = components['schemas']['CreateProductRelationRequest'];
export type CreateUsedForRelationRequest = components['schemas']['CreateUsedForRelationRequest'];
export type ImportJob = components['schemas']['ImportJob'];
export type ImportJobPage = components['schemas']['ImportJobPage'];
export type ImportJobDetail = components['schemas']['ImportJobDetail'];
export type ImportIssue = components['schemas']['ImportIssue'];
export type QuotePage = components['schemas']['QuotePage'];
export type QuoteSummary = components['schemas']['QuoteSummary'];
export type Quote = components['schemas']['Quote'];
export type QuoteLine = components['schemas']['QuoteLine'];
export type CreateQuoteRequest = components['schemas']['CreateQuoteRequest'];
export type UpdateQuoteRequest = components['schemas']['UpdateQuoteRequest'];
export type AddQuoteLineRequest = components['schemas']['AddQuoteLineRequest'];
export type AddCatalogueQuoteLine = components['schemas']['AddCatalogueQuoteLine'];
export type AddFreeTextQuoteLine = components['schemas']['AddFreeTextQuoteLine'];
export type UpdateQuoteLineRequest = components['schemas']['UpdateQuoteLineRequest'];
export type QuoteTransitionRequest = components['schemas']['QuoteTransitionRequest'];
export type QuoteTransitionTarget = components['schemas']['QuoteTransitionTarget'];
export type QuoteSuggestions = components['schemas']['QuoteSuggestions'];
export type QuoteSuggestion = components['schemas']['QuoteSuggestion'];
export type Document = components['schemas']['Document'];
export type DocumentKind = components['schemas']['DocumentKind'];
export type DocumentStatus = components['schemas']['DocumentStatus'];
export type DocumentPage = components['schemas']['DocumentPage'];
export type RecentDocuments = components['schemas']['RecentDocuments'];
export type DocumentDetail = components['schemas']['DocumentDetail'];
export type DocumentItem = components['schemas']['DocumentItem'];
export type SourceLocation = components['schemas']['SourceLocation'];
export type DocumentItemCandidate = components['schemas']['DocumentItemCandidate'];
export type UpdateDocumentItemRequest = components['schemas']['UpdateDocumentItemRequest'];
export type CreateQuoteFromDocumentRequest = components['schemas']['CreateQuoteFromDocumentRequest'];
export type Conversation = components['schemas']['Conversation'];
export type ConversationMember = components['schemas']['ConversationMember'];
export type CreateConversationRequest = components['schemas']['CreateConversationRequest'];
export type ConversationPage = components['schemas']['ConversationPage'];
export type ConversationSummary = components['schemas']['ConversationSummary'];
export type ConversationMembership = components['schemas']['ConversationMembership'];
export type AddConversationMemberRequest = components['schemas']['AddConversationMemberRequest'];
export type MessagePage = components['schemas']['MessagePage'];
export type Message = components['schemas']['Message'];
export type MessageReference = components['schemas']['MessageReference'];
export type PostMessageRequest = components['schemas']['PostMessageRequest'];
export type MessageBatchResults = components['schemas']['MessageBatchResults'];
export type MessageBatchResult = components['schemas']['MessageBatchResult'];
export type MessageBatchStored = components['schemas']['MessageBatchStored'];
export type MessageBatchRefused = components['schemas']['MessageBatchRefused'];
export type PostMessageBatchRequest = components['schemas']['PostMessageBatchRequest'];
export type MessageBatchItem = components['schemas']['MessageBatchItem'];
export type MarkConversationReadRequest = components['schemas']['MarkConversationReadRequest'];
export type ChatTicket = components['schemas']['ChatTicket'];
export type RedeemedChatTicket = components['schemas']['RedeemedChatTicket'];
export type RedeemChatTicketRequest = components['schemas']['RedeemChatTicketRequest'];
export type ActivityPage = components['schemas']['ActivityPage'];
export type Activity = components['schemas']['Activity'];
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Healthy (or degraded: an optional dependency is down). */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready for traffic. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Current counts. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Metrics"];
                };
            };
            /** @description Too many calls from this client address in the current window. */
            429: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds until the budget allows another call. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Aggregates. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dashboard"];
                };
            };
            /** @description Too many calls from this client address in the current window. */
            429: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds until the budget allows another call. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description A new session. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong email or password, or the account is disabled (one answer for all three). */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts from this address or for this account; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refreshToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description A new token pair. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown, expired, reused or revoked refresh token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Logged out. */
            204: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The current user. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getJwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key set. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JsonWebKeySet"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description The previous page's `nextCursor`: the position after which the next page starts. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of users, oldest first. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the create safe to retry: the same key with the same body returns the first result and creates nothing again. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserRequest"];
            };
        };
        responses: {
            /** @description Created (or, for a retried Idempotency-Key with the same body, the account created the first time). */
            201: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The version, for `If-Match` on the next update. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A user with this email exists, or the Idempotency-Key was used for a different request. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The version, for `If-Match` on the next update. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such user. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you edited, or `*` for whatever version is current. A stale value gives 412; a missing one 428. */
                "if-match": "*" | string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserRequest"];
            };
        };
        responses: {
            /** @description The updated user. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The version, for `If-Match` on the next update. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such user. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change would leave no active admin, or disables or re-roles your own account. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The account changed since the `If-Match` version (another admin saved first); reload and retry. */
            412: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match is required. */
            428: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCustomers: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description The previous page's `nextCursor`: the position after which the next page starts. */
                cursor?: string;
                /** @description Matches name, email or company (substring, case-insensitive). */
                q?: string;
                /** @description Include archived customers. */
                includeArchived?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of customers, newest first. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerPage"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the create safe to retry: the same key with the same body returns the first result and creates nothing again. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCustomerRequest"];
            };
        };
        responses: {
            /** @description Created (or, for a retried Idempotency-Key, the customer created the first time). */
            201: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The version, for `If-Match` on the next update. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Idempotency-Key was used for a different request. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The customer. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The version, for `If-Match` on the next update. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such customer. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCustomer: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you edited, or `*` for whatever version is current. A stale value gives 412; a missing one 428. */
                "if-match": "*" | string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCustomerRequest"];
            };
        };
        responses: {
            /** @description The updated customer. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The version, for `If-Match` on the next update. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such customer. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The customer changed since the `If-Match` version; reload and retry. */
            412: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match is required. */
            428: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    archiveCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The archived customer. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The version, for `If-Match` on the next update. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such customer. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A concurrent change; retry. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    restoreCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The restored customer. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The version, for `If-Match` on the next update. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such customer. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A concurrent change; retry. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchProducts: {
        parameters: {
            query: {
                /** @description Only this brand (case-insensitive). */
                brand?: string;
                /** @description Only this category (case-insensitive). */
                category?: string;
                /** @description Lowest unit price, in minor units. */
                minPrice?: number | null;
                /** @description Highest unit price, in minor units. */
                maxPrice?: number | null;
                /** @description Only prices in this currency. */
                currency?: string;
                /** @description `true`: only products in stock; `false`: only out of stock. */
                inStock?: "true" | "false";
                /** @description Include deactivated products (default false). */
                includeInactive?: "true" | "false";
                /** @description Words, a SKU or a model number. */
                q: string;
                /** @description Page size (1–100). */
                limit?: number;
                /** @description The previous page's `nextCursor` (the rank position the next page starts at). */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of hits, best first. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductSearchPage"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProducts: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description The previous page's `nextCursor`: the position after which the next page starts. */
                cursor?: string;
                /** @description Only this brand (case-insensitive). */
                brand?: string;
                /** @description Only this category (case-insensitive). */
                category?: string;
                /** @description Lowest unit price, in minor units. */
                minPrice?: number | null;
                /** @description Highest unit price, in minor units. */
                maxPrice?: number | null;
                /** @description Only prices in this currency. */
                currency?: string;
                /** @description `true`: only products in stock; `false`: only out of stock. */
                inStock?: "true" | "false";
                /** @description Include deactivated products (default false). */
                includeInactive?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of products. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductPage"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createProduct: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the create safe to retry: the same key with the same body returns the first result and creates nothing again. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProductRequest"];
            };
        };
        responses: {
            /** @description Created (or, for a retried Idempotency-Key, the product created the first time). */
            201: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The version, for `If-Match` on the next update. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A product with this SKU exists, or the Idempotency-Key was used for a different request. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The version, for `If-Match` on the next update. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such product. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateProduct: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you edited, or `*` for whatever version is current. A stale value gives 412; a missing one 428. */
                "if-match": "*" | string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProductRequest"];
            };
        };
        responses: {
            /** @description The updated product. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The version, for `If-Match` on the next update. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such product. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another product has this SKU. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The product changed since the `If-Match` version; reload and retry. */
            412: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match is required. */
            428: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deactivateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deactivated product. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The version, for `If-Match` on the next update. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such product. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A concurrent change; retry. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    activateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The active product. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The version, for `If-Match` on the next update. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such product. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A concurrent change; retry. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRelatedProducts: {
        parameters: {
            query?: {
                /** @description Items per group (1–50). */
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Suggestions grouped by relation. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelatedProducts"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such product. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTasks: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description The previous page's `nextCursor`: the position after which the next page starts. */
                cursor?: string;
                /** @description Matches the name (substring, case-insensitive). */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tasks. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskPage"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the create safe to retry: the same key with the same body returns the first result and creates nothing again. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTaskRequest"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Idempotency-Key was used for a different request. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such task. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTaskKit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The kit. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskKit"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such task. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRelations: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description The previous page's `nextCursor`: the position after which the next page starts. */
                cursor?: string;
                /** @description Relations with this product at either end. */
                productId?: string;
                /** @description USED_FOR relations of this task. */
                taskId?: string;
                /** @description `COMPATIBLE_WITH` and `ALTERNATIVE_TO` read both ways; `ACCESSORY_OF` (product is an accessory of the related one), `REQUIRES` (product needs the related one, e.g. safety equipment) and `USED_FOR` (product → task) are directed. */
                type?: components["schemas"]["RelationType"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of relations. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelationPage"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createRelation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the create safe to retry: the same key with the same body returns the first result and creates nothing again. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRelationRequest"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Relation"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The product or task does not exist. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The relation exists already (`existingId`), a product was related to itself, or the Idempotency-Key was used for a different request. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRelation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The relation. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Relation"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such relation. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteRelation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed (from the graph shortly after). */
            204: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such relation. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listImports: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description The previous page's `nextCursor`: the position after which the next page starts. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of jobs. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJobPage"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createImport: {
        parameters: {
            query?: {
                /** @description Name of the file sent as raw body, kept with the job. */
                filename?: string;
            };
            header?: {
                /** @description Makes the create safe to retry: the same key with the same body returns the first result and creates nothing again. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": Blob;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                "multipart/form-data": {
                    /** Format: binary */
                    file: Blob;
                };
            };
        };
        responses: {
            /** @description Accepted: the job (queued; or failed at once when the file is empty). */
            202: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The job. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJob"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Idempotency-Key was used for a different request. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJobDetail"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such import job. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listQuotes: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description The previous page's `nextCursor`: the position after which the next page starts. */
                cursor?: string;
                /** @description draft → sent → accepted | rejected; draft/sent → expired after the validity date; any → cancelled (admin). */
                status?: components["schemas"]["QuoteStatus"];
                customerId?: string;
                /** @description Created on or after this date (in the configured time zone). */
                createdFrom?: string;
                /** @description Created on or before this date (in the configured time zone). */
                createdTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of quotes (without lines). */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotePage"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createQuote: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the create safe to retry: the same key with the same body returns the first result and creates nothing again. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateQuoteRequest"];
            };
        };
        responses: {
            /** @description Created (or, for a retried Idempotency-Key, the quote created the first time). */
            201: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The version, for `If-Match` on the next change. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such customer. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The customer is archived, the validity date is in the past, or the Idempotency-Key was used for a different request. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getQuote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The quote. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The version, for `If-Match` on the next change. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such quote. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateQuote: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you edited, or `*` for whatever version is current. A stale value gives 412; a missing one 428. */
                "if-match": "*" | string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateQuoteRequest"];
            };
        };
        responses: {
            /** @description The updated quote. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The version, for `If-Match` on the next change. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such quote (or customer). */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The quote is not a draft (revise it instead), the customer is archived, the validity date is in the past, or the currency cannot change. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The quote changed since the `If-Match` version; reload and retry. */
            412: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match is required. */
            428: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addQuoteLine: {
        parameters: {
            query?: never;
            header: {
                /** @description Makes the create safe to retry: the same key with the same body returns the first result and creates nothing again. */
                "idempotency-key"?: string;
                /** @description The `ETag` of the version you edited, or `*` for whatever version is current. A stale value gives 412; a missing one 428. */
                "if-match": "*" | string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddQuoteLineRequest"];
            };
        };
        responses: {
            /** @description The quote with the new line last. */
            201: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The version, for `If-Match` on the next change. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such quote or product. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The quote is not a draft, already holds 250 lines (the most a quote may have; see `maxLines`), the product is inactive or priced in another currency, the total would be too large, or the Idempotency-Key was used for a different request. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The quote changed since the `If-Match` version; reload and retry. */
            412: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match is required. */
            428: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeQuoteLine: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you edited, or `*` for whatever version is current. A stale value gives 412; a missing one 428. */
                "if-match": "*" | string;
            };
            path: {
                id: string;
                lineId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The quote without the line, with new totals. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The version, for `If-Match` on the next change. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such quote or line. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The quote is not a draft. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The quote changed since the `If-Match` version; reload and retry. */
            412: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match is required. */
            428: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateQuoteLine: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you edited, or `*` for whatever version is current. A stale value gives 412; a missing one 428. */
                "if-match": "*" | string;
            };
            path: {
                id: string;
                lineId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateQuoteLineRequest"];
            };
        };
        responses: {
            /** @description The quote with the changed line and new totals. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The version, for `If-Match` on the next change. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such quote or line. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The quote is not a draft, or the total would be too large. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The quote changed since the `If-Match` version; reload and retry. */
            412: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match is required. */
            428: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    transitionQuote: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you edited, or `*` for whatever version is current. A stale value gives 412; a missing one 428. */
                "if-match": "*" | string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuoteTransitionRequest"];
            };
        };
        responses: {
            /** @description The quote in its new status. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The version, for `If-Match` on the next change. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such quote. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed from the current status (see `currentStatus`, `allowedTransitions`), or the quote has no lines or is past its validity date. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The quote changed since the `If-Match` version; reload and retry. */
            412: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match is required. */
            428: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reviseQuote: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the create safe to retry: the same key with the same body returns the first result and creates nothing again. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new draft revision. */
            201: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The version, for `If-Match` on the next change. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such quote. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The quote cannot be revised from its status (see `currentStatus`), or the Idempotency-Key was used for a different request. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getQuotePdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description inline; filename="<number>.pdf" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": Blob;
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such quote. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getQuoteSuggestions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Suggestions, best first in each group. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuoteSuggestions"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such quote. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Suggestions are for drafts. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDocuments: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description The previous page's `nextCursor`: the position after which the next page starts. */
                cursor?: string;
                /** @description `queued` → `processing` → `extracted` (items read and matched) or `failed` (`error` says why, for a person: "PDF has no text layer …", "no table with a quantity column found …"). */
                status?: components["schemas"]["DocumentStatus"];
                customerId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of documents (without items). */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentPage"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    uploadDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The RFQ document.
                     */
                    file: Blob;
                    /**
                     * Format: uuid
                     * @description The customer who sent it.
                     */
                    customerId?: string;
                };
            };
        };
        responses: {
            /** @description The same file was uploaded before: the existing document. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description Accepted: the new document, queued to be read. */
            202: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The document. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such customer. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The file is empty, not a document of a supported type, or an archive that is refused (zip bomb, damaged, encrypted); `reason` says which. */
            422: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRecentDocuments: {
        parameters: {
            query?: {
                /** @description How many (1–20). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Most recently changed first. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecentDocuments"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The document’s version, for `If-Match` on the next review of an item. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentDetail"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such document. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such document. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDocumentFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The original. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description attachment; filename="<file name>" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": Blob;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": Blob;
                    "application/pdf": Blob;
                    "text/csv": Blob;
                    "text/plain": Blob;
                    "message/rfc822": Blob;
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such document. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateDocumentItem: {
        parameters: {
            query?: never;
            header: {
                /** @description The `ETag` of the version you edited, or `*` for whatever version is current. A stale value gives 412; a missing one 428. */
                "if-match": "*" | string;
            };
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDocumentItemRequest"];
            };
        };
        responses: {
            /** @description The document with the changed item. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The document’s version, for `If-Match` on the next review of an item. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentDetail"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such document, item or product. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The document is not read yet (or failed). */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The document changed since the `If-Match` version; reload and retry. */
            412: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match is required. */
            428: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createQuoteFromDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the create safe to retry: the same key with the same body returns the first result and creates nothing again. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateQuoteFromDocumentRequest"];
            };
        };
        responses: {
            /** @description The draft quote (or, for a retried Idempotency-Key, the quote created the first time). */
            201: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description The quote’s version. */
                    ETag: string;
                    /** @description The quote. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated, but the role may not perform this operation. */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such document or customer. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A quote was already made from it (`quoteId`), it is not read yet, it has no customer and none was given, an item has no quantity, the customer is archived, or the Idempotency-Key was used for a different request. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listConversations: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description The previous page's `nextCursor`: the position after which the next page starts. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of your conversations. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationPage"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createConversation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the create safe to retry: the same key with the same body returns the first result and creates nothing again. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateConversationRequest"];
            };
        };
        responses: {
            /** @description Created (or, for a retried Idempotency-Key, the conversation created the first time). */
            201: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A member (an enabled user), the quote or the customer given was not found. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Idempotency-Key was used for a different request. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The conversation and its members. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such conversation, or you are not a member of it (the two are not told apart). */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConversationMembership: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description You are a member. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationMembership"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such conversation, or you are not a member of it (the two are not told apart). */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addConversationMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddConversationMemberRequest"];
            };
        };
        responses: {
            /** @description The conversation with its members now. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such conversation for you, or no enabled user with that id (the detail says which). */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeConversationMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such conversation for you, or that user is not a member of it. */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMessages: {
        parameters: {
            query?: {
                /** @description Only messages with a greater seq (0: from the start). */
                after?: number | null;
                /** @description Page size (1–200). */
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such conversation, or you are not a member of it (the two are not told apart). */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostMessageRequest"];
            };
        };
        responses: {
            /** @description Already stored: this `clientMessageId` was posted before; the original message. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Stored. */
            201: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such conversation, or you are not a member of it (the two are not told apart). */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postMessageBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostMessageBatchRequest"];
            };
        };
        responses: {
            /** @description Each item’s outcome. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageBatchResults"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markConversationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkConversationReadRequest"];
            };
        };
        responses: {
            /** @description Your marker is at `seq` (or was already past it). */
            204: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such conversation, or you are not a member of it (the two are not told apart). */
            404: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The conversation has no message with that seq yet. */
            409: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    issueChatTicket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new ticket. */
            201: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatTicket"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request came from an Origin that may not open the chat (not in CORS_ORIGINS). */
            403: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redeemChatTicket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RedeemChatTicketRequest"];
            };
        };
        responses: {
            /** @description The ticket’s user and a short-lived access token. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedeemedChatTicket"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The ticket is unknown, expired or used, was issued for another origin, or its session has ended. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than allowed. */
            413: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is not of a supported media type. */
            415: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listActivity: {
        parameters: {
            query?: {
                /** @description Page size (1–100). */
                limit?: number;
                /** @description The previous page's `nextCursor`: the position after which the next page starts. */
                cursor?: string;
                entityType?: string;
                entityId?: string;
                actorId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of activity. */
            200: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityPage"];
                };
            };
            /** @description The request is malformed or fails validation; `errors[]` lists each field. */
            400: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, expired or invalid bearer token. */
            401: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description `Bearer` challenge naming the error (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected server error (logged with the request id). */
            500: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`. */
            503: {
                headers: {
                    /** @description Identifies this request in the server logs; quote it when reporting a problem. */
                    "X-Request-Id": string;
                    /** @description Seconds to wait before retrying. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
