"""Peer: the same endpoints in FastAPI on uvicorn, asyncpg and PyJWT (the stack
the earlier system used), installed into a virtualenv by the bench. Same SQL
(queries.json, captured from the API's repositories) and JSON; the bearer token
is verified on every request (EdDSA signature, issuer, audience, expiry)."""
import asyncio
import hashlib
import json
import os
import uuid
from datetime import datetime, timezone

import asyncpg
import jwt
from fastapi import Depends, FastAPI, Header, HTTPException, Request
from pydantic import BaseModel, Field

QUERIES = json.load(open(os.environ["QUERIES_FILE"]))
PUBLIC_KEY = os.environ["JWT_PUBLIC_KEY"]
ISSUER = os.environ.get("JWT_ISSUER", "nexus")
app = FastAPI()
pool: asyncpg.Pool | None = None


@app.on_event("startup")
async def startup() -> None:
    global pool
    async def init(connection):
        # The captured SQL passes dates as text (node-postgres sends every parameter as text).
        await connection.set_type_codec("date", encoder=str, decoder=str, schema="pg_catalog", format="text")

    pool = await asyncpg.create_pool(os.environ["DATABASE_URL"], min_size=2, max_size=int(os.environ.get("POOL_MAX", "10")), init=init)


def iso(value):
    return None if value is None else value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def caller(authorization: str | None = Header(default=None)) -> str:
    if not authorization or not authorization.startswith("Bearer "):
        raise HTTPException(401, "A bearer access token is required.")
    try:
        claims = jwt.decode(authorization[7:], PUBLIC_KEY, algorithms=["EdDSA"], issuer=ISSUER, audience="nexus-api", options={"require": ["sub", "exp"]})
    except jwt.PyJWTError:
        raise HTTPException(401, "The access token is not valid.")
    return claims["sub"]


def customer_view(row):
    return {
        "id": str(row["id"]), "name": row["name"], "email": row["email"], "phone": row["phone"], "company": row["company"],
        "taxId": row["tax_id"], "billingAddress": row["billing_address"], "notes": row["notes"],
        "archived": row["archived_at"] is not None, "archivedAt": iso(row["archived_at"]), "version": row["version"],
        "createdAt": iso(row["created_at"]), "updatedAt": iso(row["updated_at"]),
    }


@app.get("/api/dashboard")
async def dashboard():
    async def run(q):
        async with pool.acquire() as connection:
            return [dict(r) for r in await connection.fetch(q["sql"], *q["params"])]
    figures = await asyncio.gather(*(run(q) for q in QUERIES["dashboard"]))
    return {"figures": json.loads(json.dumps(figures, default=str)), "generatedAt": datetime.now(timezone.utc).isoformat()}


@app.get("/api/customers")
async def customers(limit: int = 50, user: str = Depends(caller)):
    async with pool.acquire() as connection:
        rows = await connection.fetch(QUERIES["customersList"]["sql"], *QUERIES["customersList"]["params"])
    return {"items": [customer_view(r) for r in rows[:50]], "nextCursor": "more" if len(rows) > 50 else None}


class NewCustomer(BaseModel):
    name: str = Field(min_length=1, max_length=200)


@app.post("/api/customers", status_code=201)
async def create_customer(body: NewCustomer, idempotency_key: str = Header(), user: str = Depends(caller)):
    q = QUERIES["create"]
    fingerprint = hashlib.sha256(json.dumps({"name": body.name}, separators=(",", ":")).encode()).hexdigest()
    values = {"$user": user, "$name": body.name, "$key": idempotency_key, "$fingerprint": fingerprint, "$summary": f"created customer {body.name}"}
    params = [values.get(p, p) if isinstance(p, str) else p for p in q["params"]]
    async with pool.acquire() as connection:
        try:
            row = await connection.fetchrow(q["sql"], *params)
        except asyncpg.UniqueViolationError:
            row = None
    if row is None:
        raise HTTPException(409, "This Idempotency-Key was already used.")
    view = customer_view(row)
    return view


@app.get("/api/quotes/{quote_id}")
async def quote(quote_id: uuid.UUID, user: str = Depends(caller)):
    async def fetch(sql):
        async with pool.acquire() as connection:
            return await connection.fetch(sql, quote_id)
    rows, lines = await asyncio.gather(fetch(QUERIES["quote"]["sql"]), fetch(QUERIES["quoteLines"]["sql"]))
    if not rows:
        raise HTTPException(404, "The quote was not found.")
    r = rows[0]
    return {
        "id": str(r["id"]), "number": r["number"], "revision": r["revision"], "revisionOf": r["revision_of"] and str(r["revision_of"]),
        "customerId": str(r["customer_id"]), "customerName": r["customer_name"], "title": r["title"], "currency": r["currency"],
        "taxRateBp": r["tax_rate_bp"], "validUntil": r["valid_until"], "notes": r["notes"], "status": r["status"],
        "subtotalMinor": r["subtotal_minor"], "taxMinor": r["tax_minor"], "totalMinor": r["total_minor"],
        "statusChangedAt": iso(r["status_changed_at"]), "sentAt": iso(r["sent_at"]), "version": r["version"],
        "createdAt": iso(r["created_at"]), "updatedAt": iso(r["updated_at"]),
        "lines": [
            {"id": str(l["id"]), "position": l["position"], "productId": l["product_id"] and str(l["product_id"]), "sku": l["sku"],
             "description": l["description"], "quantity": str(l["quantity"]), "unit": l["unit"], "unitPriceMinor": l["unit_price_minor"],
             "discountBp": l["discount_bp"], "lineTotalMinor": l["line_total_minor"]}
            for l in lines
        ],
    }


@app.get("/api/catalogue/search")
async def search(q: str, limit: int = 20, user: str = Depends(caller)):
    compiled = QUERIES["search"].get(q)
    if compiled is None:
        raise HTTPException(400, "Not a query of the bench mix.")
    async with pool.acquire() as connection:
        async with connection.transaction():
            await connection.execute(QUERIES["similarity"]["sql"], *QUERIES["similarity"]["params"])
            rows = await connection.fetch(compiled["sql"], *compiled["params"])
    return {"items": [
        {"id": str(r["id"]), "sku": r["sku"], "name": r["name"], "description": r["description"], "brand": r["brand"], "category": r["category"],
         "modelNumbers": r["model_numbers"], "unit": r["unit"], "unitPriceMinor": r["unit_price_minor"], "currency": r["currency"],
         "stockQuantity": r["stock_quantity"], "active": r["active"], "version": r["version"], "score": r["score"]}
        for r in rows[:20]
    ]}
