import { type ServiceStatus } from "@portal/domain";
import { type WhmcsServiceStatus } from "../raw/orders.js";

/** WHMCS service status → the portal's. Source: getclientsproducts.md `status`. */
const SERVICE_STATUS: Readonly<Record<WhmcsServiceStatus, ServiceStatus>> = {
  Pending: "pending",
  Active: "active",
  Completed: "completed",
  Suspended: "suspended",
  Terminated: "terminated",
  Cancelled: "cancelled",
  Fraud: "fraud",
};

/** The portal's status of a WHMCS service. */
export function toServiceStatus(status: WhmcsServiceStatus): ServiceStatus {
  return SERVICE_STATUS[status];
}
