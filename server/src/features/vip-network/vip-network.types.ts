/** An education-side VIP network (vaativan erityisen tuen verkosto): a switchable map layer. */
export interface VipNetworkNode {
  id: string;
  name: string;
  description: string | null;
}
