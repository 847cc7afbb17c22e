/** An evidence-based method experts can be trained in (IPC, MDFT, Lapset puheeksi...). */
export interface MethodNode {
  id: string;
  name: string;
  description: string | null;
}
