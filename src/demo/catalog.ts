/** The demo shop's products. */
export interface Product {
  sku: string;
  name: string;
  category: 'tops' | 'outerwear' | 'trousers' | 'accessories';
  /** Price in GBP. */
  price: number;
  sizes: readonly string[];
  inStock: boolean;
}

export const CATALOG: readonly Product[] = [
  { sku: 'TEE-ORG-01', name: 'Organic cotton tee', category: 'tops', price: 24, sizes: ['XS', 'S', 'M', 'L', 'XL'], inStock: true },
  { sku: 'TEE-LNG-02', name: 'Long-sleeve merino tee', category: 'tops', price: 48, sizes: ['S', 'M', 'L'], inStock: true },
  { sku: 'SWT-CRW-03', name: 'Recycled crew sweatshirt', category: 'tops', price: 59, sizes: ['S', 'M', 'L', 'XL'], inStock: true },
  { sku: 'JKT-RAI-04', name: 'Packable rain jacket', category: 'outerwear', price: 120, sizes: ['S', 'M', 'L', 'XL'], inStock: true },
  { sku: 'JKT-DWN-05', name: 'Down puffer jacket', category: 'outerwear', price: 189, sizes: ['M', 'L'], inStock: false },
  { sku: 'TRS-CHI-06', name: 'Stretch chinos', category: 'trousers', price: 65, sizes: ['28', '30', '32', '34', '36'], inStock: true },
  { sku: 'TRS-JOG-07', name: 'Loopback joggers', category: 'trousers', price: 55, sizes: ['S', 'M', 'L'], inStock: true },
  { sku: 'ACC-BEA-08', name: 'Ribbed wool beanie', category: 'accessories', price: 22, sizes: ['One size'], inStock: true },
];
