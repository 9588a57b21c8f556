import { etagHeader } from '../../http/responses.js';
import { ProductSchema } from './products.schemas.js';

const ETAG = etagHeader('The version, for `If-Match` on the next update.');

/** Links that let a client (and Schemathesis' stateful phase) follow a product through its life. */
export const productLinks = {
  GetProductById: { operationId: 'getProduct', parameters: { id: '$response.body#/id' } },
  UpdateProductById: {
    operationId: 'updateProduct',
    parameters: { id: '$response.body#/id', 'header.if-match': '$response.header.ETag' },
  },
  DeactivateProductById: { operationId: 'deactivateProduct', parameters: { id: '$response.body#/id' } },
  GetRelatedProductsById: { operationId: 'getRelatedProducts', parameters: { id: '$response.body#/id' } },
};

/** A page holds real products to relate: the only answer with two product ids in it. */
export const listedProductLinks = {
  GetFirstListedProduct: { operationId: 'getProduct', parameters: { id: '$response.body#/items/0/id' } },
  RelateFirstTwoListedProducts: {
    operationId: 'createRelation',
    requestBody: { type: 'COMPATIBLE_WITH', productId: '$response.body#/items/0/id', relatedProductId: '$response.body#/items/1/id' },
    'x-schemathesis': { merge_body: false },
  },
};

export const productResponse = (description: string) => ({
  description,
  headers: ETAG,
  content: { 'application/json': { schema: ProductSchema } },
  links: productLinks,
});
